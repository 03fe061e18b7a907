namespace AiEtl;

/// <summary>An inferred schema with its evidence: each column's classes, rule and doubts, and how much of the file was seen.</summary>
public sealed record SchemaInferenceResult
{
    /// <summary>The inferred schema (the same as <c>Infer</c> returns).</summary>
    public required Schema Schema { get; init; }

    /// <summary>The evidence of each column, in the schema's order.</summary>
    public required IReadOnlyList<ColumnInference> Columns { get; init; }

    /// <summary>The rows (or JSON objects) sampled.</summary>
    public int SampledRows { get; init; }

    /// <summary>The bytes of the rows sampled, as written in the file (approximate: quotes are not counted).</summary>
    public long SampledBytes { get; init; }

    /// <summary>The file's length in bytes; null for a compressed file, whose content length is not known without reading it.</summary>
    public long? FileBytes { get; init; }

    /// <summary>The share of the file's bytes that the sample covers (1 after a full scan); null when the length is not known.</summary>
    public double? ShareSeen { get; init; }

    /// <summary>Whether every row was read (<see cref="SchemaInferenceOptions.FullScan"/>, or a file shorter than the sample).</summary>
    public bool ReadWholeFile { get; init; }

    /// <summary>Whether rows were also read from evenly spread byte offsets through the file, not only from its start.</summary>
    public bool SpreadThroughFile { get; init; }

    /// <summary>The null tokens of every typed column, which a source must be given as null values to read the schema.</summary>
    public IReadOnlyList<string> NullTokens { get; init; } = [];

    /// <summary>Whether the numbers only make sense with a decimal comma (<c>3,5</c>): the file must be read with such a culture.</summary>
    public bool DecimalComma { get; init; }

    /// <summary>The columns whose confidence is below the threshold.</summary>
    public IEnumerable<ColumnInference> Unsure => Columns.Where(c => c.IsUnsure);
}
