namespace AiEtl.Generators;

/// <summary>One field of an <see cref="EtlRecordSpec"/>; its ordinal is its index in <see cref="EtlRecordSpec.Fields"/>.</summary>
/// <param name="PropertyName">The property (or field) that holds the value, as a C# identifier (escaped where it is a keyword).</param>
/// <param name="FieldName">The field name in the schema.</param>
/// <param name="Kind">The value the field holds; for a list, the value of each element.</param>
/// <param name="EnumTypeName">For <see cref="FieldValueKind.Enum"/>, the enum's fully qualified name; otherwise <see langword="null"/>.</param>
/// <param name="IsNullable">Whether the field may hold no value.</param>
/// <param name="IsNullableValueType">Whether the property's type is <c>Nullable&lt;T&gt;</c> (rather than a nullable reference).</param>
/// <param name="IsPrimaryKey">Whether the field is part of the primary key.</param>
/// <param name="ParameterName">The primary constructor parameter the value is passed to (a C# identifier), or <see langword="null"/> when the property is set in an object initializer.</param>
internal sealed record FieldSpec(
    string PropertyName,
    string FieldName,
    FieldValueKind Kind,
    string? EnumTypeName,
    bool IsNullable,
    bool IsNullableValueType,
    bool IsPrimaryKey,
    string? ParameterName)
{
    /// <summary>Whether the field holds a single value or a list of <see cref="Kind"/> values.</summary>
    public CollectionKind Collection { get; init; }

    /// <summary>The smallest allowed value (<c>[ValueRange]</c>), or <see langword="null"/>.</summary>
    public ConstantSpec? Min { get; init; }

    /// <summary>The largest allowed value (<c>[ValueRange]</c>), or <see langword="null"/>.</summary>
    public ConstantSpec? Max { get; init; }

    /// <summary>The regular expression values must match (<c>[Pattern]</c>), or <see langword="null"/>.</summary>
    public string? Pattern { get; init; }

    /// <summary>The only values allowed (<c>[OneOf]</c>); empty for any.</summary>
    public EquatableArray<ConstantSpec> AllowedValues { get; init; }

    /// <summary>The description (<c>[FieldDescription]</c>), or <see langword="null"/>.</summary>
    public string? Description { get; init; }

    /// <summary>The <c>AiEtl.SensitiveKind</c> member name (<c>[Sensitive]</c>), or <see langword="null"/> when the field is not sensitive.</summary>
    public string? Sensitive { get; init; }

    /// <summary>
    /// For a property the generator declares from a column of an <c>[EtlRecord(Sample = ...)]</c> sample, its type and
    /// documentation; <see langword="null"/> for a property the user declared.
    /// </summary>
    public InferredProperty? Inferred { get; init; }

    /// <summary>Whether the field has a check that the generated <c>Validate</c> method makes.</summary>
    public bool HasChecks => Min is not null || Pattern is not null || !AllowedValues.IsEmpty || (!IsNullable && (IsReference || Kind == FieldValueKind.JsonElement));

    /// <summary>Whether the property's type is a reference type (a string or a list), which may hold null whatever it declares.</summary>
    public bool IsReference => Collection != CollectionKind.None || Kind is FieldValueKind.String or FieldValueKind.Json;
}
