namespace AiEtl.Configuration.Model;

/// <summary><c>pipeline.error_handling</c>: each stage's action (<c>fail</c>, <c>skip</c>, <c>retry</c>) and the dead-letter file.</summary>
public sealed class ErrorHandlingSettings
{
    /// <summary>What a row that cannot be read does.</summary>
    public string OnExtractError { get; init; } = "fail";

    /// <summary>What a row a transform fails on does.</summary>
    public string OnTransformError { get; init; } = "skip";

    /// <summary>What a batch the destination rejects does.</summary>
    public string OnLoadError { get; init; } = "fail";

    /// <summary>The dead-letter file as written, or <see langword="null"/> for the default.</summary>
    public string? DeadLetterQueue { get; init; }
}
