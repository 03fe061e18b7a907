namespace AiEtl;

/// <summary>What each stage does with a row that fails, and where skipped rows are kept.</summary>
public sealed record ErrorHandlingOptions
{
    /// <summary>What a row that cannot be read does. Defaults to <see cref="ErrorAction.Fail"/>: the run stops at the first bad row, and the batches before it stay committed.</summary>
    public ErrorAction OnExtractError { get; init; } = ErrorAction.Fail;

    /// <summary>What a row a transform fails on does. Defaults to <see cref="ErrorAction.Skip"/>: the row goes to the dead-letter file.</summary>
    public ErrorAction OnTransformError { get; init; } = ErrorAction.Skip;

    /// <summary>What a batch the destination rejects does. Defaults to <see cref="ErrorAction.Fail"/>.</summary>
    public ErrorAction OnLoadError { get; init; } = ErrorAction.Fail;

    /// <summary>
    /// The JSONL file that skipped rows are appended to; <see langword="null"/> (the default) for one file per
    /// pipeline, <see cref="DefaultDeadLetterPath"/>, so two pipelines never share one by accident.
    /// </summary>
    public string? DeadLetterPath { get; init; }

    /// <summary>The dead-letter file of a pipeline that sets no <see cref="DeadLetterPath"/>: <c>.errors/&lt;pipeline&gt;/dlq.jsonl</c> under the working directory.</summary>
    public static string DefaultDeadLetterPath(string pipelineId) => Path.Combine(".errors", PipelineFileNames.ForId(pipelineId), "dlq.jsonl");

    /// <summary>The action for a stage.</summary>
    public ErrorAction For(PipelineStage stage) => stage switch
    {
        PipelineStage.Extract => OnExtractError,
        PipelineStage.Transform => OnTransformError,
        _ => OnLoadError,
    };
}
