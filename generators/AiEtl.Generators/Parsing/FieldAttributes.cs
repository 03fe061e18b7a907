using Microsoft.CodeAnalysis;

namespace AiEtl.Generators;

/// <summary>The AiEtl attributes on one property or positional parameter; the first of each kind counts.</summary>
internal sealed class FieldAttributes
{
    /// <summary>[FieldName].</summary>
    public AttributeData? FieldName { get; private set; }

    /// <summary>[PrimaryKey].</summary>
    public AttributeData? PrimaryKey { get; private set; }

    /// <summary>[JsonField].</summary>
    public AttributeData? JsonField { get; private set; }

    /// <summary>[ValueRange].</summary>
    public AttributeData? ValueRange { get; private set; }

    /// <summary>[Pattern].</summary>
    public AttributeData? Pattern { get; private set; }

    /// <summary>[OneOf].</summary>
    public AttributeData? OneOf { get; private set; }

    /// <summary>[FieldDescription].</summary>
    public AttributeData? Description { get; private set; }

    /// <summary>[Sensitive].</summary>
    public AttributeData? Sensitive { get; private set; }

    /// <summary>Keeps <paramref name="attribute"/> if it is an AiEtl field attribute not seen yet.</summary>
    public void Add(AttributeData attribute)
    {
        if (attribute.AttributeClass is not { ContainingNamespace: { Name: "AiEtl", ContainingNamespace.IsGlobalNamespace: true } } attributeClass)
        {
            return;
        }

        switch (attributeClass.Name)
        {
            case "FieldNameAttribute":
                FieldName ??= attribute;
                break;
            case "PrimaryKeyAttribute":
                PrimaryKey ??= attribute;
                break;
            case "JsonFieldAttribute":
                JsonField ??= attribute;
                break;
            case "ValueRangeAttribute":
                ValueRange ??= attribute;
                break;
            case "PatternAttribute":
                Pattern ??= attribute;
                break;
            case "OneOfAttribute":
                OneOf ??= attribute;
                break;
            case "FieldDescriptionAttribute":
                Description ??= attribute;
                break;
            case "SensitiveAttribute":
                Sensitive ??= attribute;
                break;
        }
    }
}
