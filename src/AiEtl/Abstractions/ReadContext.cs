namespace AiEtl;

/// <summary>What a source needs from the pipeline while reading.</summary>
/// <param name="BatchSize">Rows per batch.</param>
/// <param name="Errors">Where bad rows go.</param>
public sealed record ReadContext(int BatchSize, IRowErrorSink Errors)
{
    /// <summary>Warnings about the input that do not stop the run (an ignored extra column).</summary>
    public Action<string> Warn { get; init; } = static _ => { };

    /// <summary>
    /// Whether the positions the source reports are saved (the pipeline has a state manager). A source may skip
    /// work that only a saved state needs, such as hashing the input it has read.
    /// </summary>
    public bool KeepsState { get; init; } = true;
}
