namespace AiEtl;

/// <summary>
/// Masking of the seed's sensitive-data patterns (social security numbers, card numbers, e-mail addresses, phone
/// numbers) in what a run reports: its errors, warnings and log messages, and the messages of the dead-letter file.
/// Values of <c>[Sensitive]</c> fields are masked whatever these options say.
/// </summary>
public sealed record MaskingOptions
{
    /// <summary>Masking as a run does by default: on, <see cref="MaskingStrategy.Partial"/>, the dead-letter rows kept as read.</summary>
    public static MaskingOptions Default { get; } = new();

    /// <summary>No pattern masking (the values of <c>[Sensitive]</c> fields are still masked).</summary>
    public static MaskingOptions None { get; } = new() { Enabled = false };

    /// <summary>Whether messages are scanned for the patterns; on by default.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>How a value found is replaced.</summary>
    public MaskingStrategy Strategy { get; init; } = MaskingStrategy.Partial;

    /// <summary>The key of <see cref="MaskingStrategy.KeyedHash"/>: at least 16 bytes, kept secret (from a <c>${VAR}</c>, not the YAML).</summary>
    public ReadOnlyMemory<byte> HashKey { get; init; }

    /// <summary>
    /// Whether the raw input a dead-letter entry keeps for replay is masked too. Off by default, so the row can be
    /// replayed from the file; when on, the entry keeps the masked text and its location, and a replay reads the row
    /// again from the source at that location.
    /// </summary>
    public bool MaskDeadLetterRows { get; init; }
}
