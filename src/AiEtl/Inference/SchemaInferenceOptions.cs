namespace AiEtl;

/// <summary>How a schema is inferred from a sample of the data.</summary>
public sealed record SchemaInferenceOptions
{
    /// <summary>
    /// How many rows are sampled. From a plain (uncompressed) CSV file longer than the sample, half come from its start and
    /// half from evenly spread byte offsets through it; otherwise all come from the start.
    /// </summary>
    public int SampleSize { get; init; } = 1000;

    /// <summary>Read every row instead of a sample (<c>aietl schema infer --full</c>).</summary>
    public bool FullScan { get; init; }

    /// <summary>
    /// The share of a column's non-null sampled values that must parse as a type for the column to get
    /// that type; below it the column is text. Also the confidence under which a column is reported as unsure.
    /// </summary>
    public double MinConfidence { get; init; } = 0.95;

    /// <summary>The schema's name; <see langword="null"/> for the file name without its extensions.</summary>
    public string? Name { get; init; }
}
