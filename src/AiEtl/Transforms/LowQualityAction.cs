namespace AiEtl;

/// <summary>What the <c>quality_scorer</c> does with a row whose score is under its minimum.</summary>
public enum LowQualityAction
{
    /// <summary>
    /// Reports the row as a transform error with its score and its failed checks: with the default error policy
    /// (<see cref="ErrorHandlingOptions.OnTransformError"/> skip) it goes to the dead-letter file and counts as failed;
    /// with fail it stops the run.
    /// </summary>
    Reject,

    /// <summary>Drops the row, counted as filtered, and keeps no copy of it.</summary>
    Drop,
}
