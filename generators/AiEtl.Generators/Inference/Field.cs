namespace AiEtl.Generators.Inference;

/// <summary>
/// What the linked <c>ColumnStats.ToField</c> builds of the runtime's <c>AiEtl.Field</c>: the members an inferred field
/// sets, which a compile-time record reads.
/// </summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">The inferred type.</param>
internal sealed record Field(string Name, FieldType Type)
{
    /// <summary>Whether the column had nulls (or no values).</summary>
    public bool IsNullable { get; init; }

    /// <summary>Always true: the field was inferred.</summary>
    public bool IsInferred { get; init; }

    /// <summary>How sure the inference is.</summary>
    public double? Confidence { get; init; }

    /// <summary>How the field's values are masked: the linked <see cref="SensitiveColumn.MaskingKind"/> documents itself by it.</summary>
    public SensitiveKind Sensitive { get; init; }

    /// <summary>How many values decided it, and by which rule.</summary>
    public string? Description { get; init; }
}
