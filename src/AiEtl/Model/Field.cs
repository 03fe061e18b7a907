namespace AiEtl;

/// <summary>One field of a <see cref="Schema"/>, with its constraints (nullability, range, pattern, allowed values) and, when inferred, how sure the inference was.</summary>
/// <param name="Name">The field name: the CSV header, JSON property and database column.</param>
/// <param name="Type">The logical type.</param>
public sealed record Field(string Name, FieldType Type)
{
    /// <summary>Whether the field may hold no value. Defaults to <see langword="true"/>.</summary>
    public bool IsNullable { get; init; } = true;

    /// <summary>For an <see cref="FieldType.Array"/> field, the type of its elements.</summary>
    public FieldType? ElementType { get; init; }

    /// <summary>A human description.</summary>
    public string? Description { get; init; }

    /// <summary>The smallest allowed value, in the field's CLR type, or <see langword="null"/>.</summary>
    public object? MinValue { get; init; }

    /// <summary>The largest allowed value, in the field's CLR type, or <see langword="null"/>.</summary>
    public object? MaxValue { get; init; }

    /// <summary>A regular expression that string values must match.</summary>
    public string? Pattern { get; init; }

    /// <summary>The only values allowed, or <see langword="null"/> for any.</summary>
    public IReadOnlyList<object?>? AllowedValues { get; init; }

    /// <summary>The kind of sensitive data the field holds, used to mask it in logs and errors.</summary>
    public SensitiveKind Sensitive { get; init; }

    /// <summary>
    /// For a <see cref="FieldType.Json"/> field, the values inside it to mask (<c>email</c> of a field <c>contact</c>),
    /// the rest of its JSON kept readable; empty for none. <see cref="Sensitive"/>, when set, masks the whole field instead.
    /// </summary>
    public IReadOnlyList<SensitivePath> SensitivePaths { get; init; } = [];

    /// <summary>Whether the field was inferred from data rather than declared.</summary>
    public bool IsInferred { get; init; }

    /// <summary>Confidence in an inferred type, between 0 and 1.</summary>
    public double? Confidence { get; init; }
}
