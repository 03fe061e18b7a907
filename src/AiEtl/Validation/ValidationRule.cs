namespace AiEtl;

/// <summary>The rule a field value broke.</summary>
public enum ValidationRule
{
    /// <summary>A field that is not nullable holds no value.</summary>
    Required,

    /// <summary>The value is outside the field's <c>[ValueRange]</c>.</summary>
    Range,

    /// <summary>The value does not match the field's <c>[Pattern]</c>.</summary>
    Pattern,

    /// <summary>The value is not one of the field's <c>[OneOf]</c> values.</summary>
    AllowedValues,

    /// <summary>
    /// The value is not of the field's type, such as text in an integer field of a dynamic <see cref="Record"/>
    /// (reported by <see cref="RecordValidator"/> only: a typed record cannot break it).
    /// </summary>
    Type,
}
