namespace AiEtl;

/// <summary>What a stage does with a row that fails (<c>on_extract_error</c>, <c>on_transform_error</c>, <c>on_load_error</c> in YAML).</summary>
public enum ErrorAction
{
    /// <summary>Stop the run; the state keeps the last committed checkpoint, so nothing is lost.</summary>
    Fail,

    /// <summary>Send the row to the dead-letter file with its reason and go on.</summary>
    Skip,

    /// <summary>
    /// Retry the failing step with the pipeline's retry policy, then fail: the read from the last batch passed on, the
    /// transform on its row, or the load's transaction (rejected data included).
    /// </summary>
    Retry,
}
