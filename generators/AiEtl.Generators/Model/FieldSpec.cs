namespace AiEtl.Generators;

/// <summary>One field of an <see cref="RecordSpec"/>; its ordinal is its index in <see cref="RecordSpec.Fields"/>.</summary>
/// <param name="PropertyName">The property (or field) that holds the value, as a C# identifier (escaped where it is a keyword).</param>
/// <param name="FieldName">The field name in the schema.</param>
/// <param name="Kind">The value the field holds.</param>
/// <param name="EnumTypeName">For <see cref="ValueKind.Enum"/>, the enum's fully qualified name; otherwise <see langword="null"/>.</param>
/// <param name="IsNullable">Whether the field may hold no value.</param>
/// <param name="IsNullableValueType">Whether the property's type is <c>Nullable&lt;T&gt;</c> (rather than a nullable reference).</param>
/// <param name="IsPrimaryKey">Whether the field is part of the primary key.</param>
/// <param name="ParameterName">The primary constructor parameter the value is passed to (a C# identifier), or <see langword="null"/> when the property is set in an object initializer.</param>
internal sealed record FieldSpec(
    string PropertyName,
    string FieldName,
    ValueKind Kind,
    string? EnumTypeName,
    bool IsNullable,
    bool IsNullableValueType,
    bool IsPrimaryKey,
    string? ParameterName);
