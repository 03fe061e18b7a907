namespace AiEtl.Configuration.Model;

/// <summary><c>pipeline.masking</c>: masking of sensitive values in what a run reports.</summary>
public sealed class MaskingSettings
{
    /// <summary>Whether messages are scanned.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary><c>partial</c>, <c>redact</c> or <c>keyed_hash</c>.</summary>
    public string Strategy { get; init; } = "partial";

    /// <summary>The key of <c>keyed_hash</c>, or <see langword="null"/>.</summary>
    public string? HashKey { get; init; }

    /// <summary>Whether the dead-letter file's raw rows are masked too.</summary>
    public bool MaskDeadLetterRows { get; init; }
}
