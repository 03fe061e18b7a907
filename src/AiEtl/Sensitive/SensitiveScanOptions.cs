namespace AiEtl;

/// <summary>How columns are scanned for sensitive data.</summary>
public sealed record SensitiveScanOptions
{
    /// <summary>How many rows are scanned from the start of the file.</summary>
    public int SampleSize { get; init; } = 1000;

    /// <summary>The score from which a column is reported sensitive.</summary>
    public double Threshold { get; init; } = 0.6;
}
