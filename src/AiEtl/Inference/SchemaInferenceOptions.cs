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

    /// <summary>
    /// Whether the file will be read with the options the inference found (<c>CsvSchemaInference.ReadOptions</c>: the
    /// sentinel null tokens, a decimal-comma culture), as <c>CreateSource</c> does. When false, sentinels (<c>NA</c>) count
    /// as text and decimal commas are not looked for, so the schema reads with the source's options as they are.
    /// </summary>
    public bool AdaptSourceOptions { get; init; } = true;

    /// <summary>The schema's name; <see langword="null"/> for the file name without its extensions.</summary>
    public string? Name { get; init; }
}
