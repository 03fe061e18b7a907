namespace AiEtl;

/// <summary>The seed's per-stage error handling and its dead-letter file.</summary>
public sealed record ErrorHandlingOptions
{
    /// <summary>What a row that cannot be read does. Defaults to <see cref="ErrorAction.Fail"/>, as in the seed.</summary>
    public ErrorAction OnExtractError { get; init; } = ErrorAction.Fail;

    /// <summary>What a row a transform fails on does. Defaults to <see cref="ErrorAction.Skip"/>, as in the seed.</summary>
    public ErrorAction OnTransformError { get; init; } = ErrorAction.Skip;

    /// <summary>What a batch the destination rejects does. Defaults to <see cref="ErrorAction.Fail"/>, as in the seed.</summary>
    public ErrorAction OnLoadError { get; init; } = ErrorAction.Fail;

    /// <summary>The JSONL file that skipped rows are appended to.</summary>
    public string DeadLetterPath { get; init; } = Path.Combine(".errors", "dlq.jsonl");

    /// <summary>The action for a stage.</summary>
    public ErrorAction For(PipelineStage stage) => stage switch
    {
        PipelineStage.Extract => OnExtractError,
        PipelineStage.Transform => OnTransformError,
        _ => OnLoadError,
    };
}
