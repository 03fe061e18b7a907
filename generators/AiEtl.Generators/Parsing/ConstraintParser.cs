using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiEtl.Generators;

/// <summary>
/// Reads the constraint attributes of one field (<c>[ValueRange]</c>, <c>[Pattern]</c>, <c>[OneOf]</c>,
/// <c>[Sensitive]</c>) into its <see cref="FieldSpec"/>, checking each against the field's type.
/// </summary>
internal sealed class ConstraintParser
{
    private const string RangeTypes = "numbers (short, int, long, float, double, decimal), DateOnly, TimeOnly, DateTime and DateTimeOffset, and nullable ones of these";

    private readonly Parser _parser;
    private readonly string _propertyName;
    private readonly string _typeName;
    private readonly ITypeSymbol _valueType;
    private readonly FieldSpec _spec;
    private bool _failed;

    /// <param name="parser">The parser that reports diagnostics.</param>
    /// <param name="propertyName">The property, for messages.</param>
    /// <param name="typeName">The property's type as declared, for messages.</param>
    /// <param name="valueType">The property's type without <c>Nullable&lt;T&gt;</c> (the enum type, for an enum).</param>
    /// <param name="spec">The field so far.</param>
    public ConstraintParser(Parser parser, string propertyName, string typeName, ITypeSymbol valueType, FieldSpec spec)
    {
        _parser = parser;
        _propertyName = propertyName;
        _typeName = typeName;
        _valueType = valueType;
        _spec = spec;
    }

    private bool IsSingle => _spec.Collection == CollectionKind.None;

    /// <summary>The field with its constraints, or <see langword="null"/> when one of them is wrong (and reported).</summary>
    public FieldSpec? Parse(FieldAttributes attributes)
    {
        var spec = _spec;
        if (attributes.ValueRange is { } range)
        {
            var (min, max) = ParseRange(range);
            spec = spec with { Min = min, Max = max };
        }

        if (attributes.Pattern is { } pattern)
        {
            spec = spec with { Pattern = ParsePattern(pattern) };
        }

        if (attributes.OneOf is { } oneOf)
        {
            spec = spec with { AllowedValues = ParseAllowedValues(oneOf) };
        }

        if (attributes.Sensitive is { } sensitive)
        {
            spec = spec with { Sensitive = ParseSensitive(sensitive) };
        }

        return _failed ? null : spec;
    }

    private (ConstantSpec? Min, ConstantSpec? Max) ParseRange(AttributeData attribute)
    {
        var applies = IsSingle && _spec.Kind is FieldValueKind.Int16 or FieldValueKind.Int32 or FieldValueKind.Int64 or FieldValueKind.Single or FieldValueKind.Double
            or FieldValueKind.Decimal or FieldValueKind.Date or FieldValueKind.Time or FieldValueKind.DateTime or FieldValueKind.DateTimeOffset;
        if (!applies)
        {
            NotApplicable(attribute, "ValueRange", RangeTypes);
            return (null, null);
        }

        if (attribute.ConstructorArguments.Length != 2)
        {
            // The compiler reports the wrong call.
            _failed = true;
            return (null, null);
        }

        var min = Convert(attribute, 0, attribute.ConstructorArguments[0], "ValueRange", out var low);
        var max = Convert(attribute, 1, attribute.ConstructorArguments[1], "ValueRange", out var high);
        if (min is not null && max is not null && low is not null && high is not null && low.CompareTo(high) > 0)
        {
            Fail(DiagnosticDescriptors.InvalidRange, _parser.AttributeLocation(attribute), _propertyName, min.Text, max.Text);
        }

        return (min, max);
    }

    private string? ParsePattern(AttributeData attribute)
    {
        if (!IsSingle || _spec.Kind != FieldValueKind.String)
        {
            NotApplicable(attribute, "Pattern", "string and string?");
            return null;
        }

        if (attribute.ConstructorArguments.Length != 1)
        {
            _failed = true;
            return null;
        }

        if (attribute.ConstructorArguments[0].Value is not string expression)
        {
            Fail(DiagnosticDescriptors.InvalidPattern, _parser.ArgumentLocation(attribute, 0), _propertyName, "the expression is null");
            return null;
        }

        try
        {
            _ = new Regex(expression, RegexOptions.CultureInvariant);
            return expression;
        }
        catch (ArgumentException error)
        {
            Fail(DiagnosticDescriptors.InvalidPattern, _parser.ArgumentLocation(attribute, 0), _propertyName, error.Message.Replace("\r", " ").Replace("\n", " "));
            return null;
        }
    }

    private EquatableArray<ConstantSpec> ParseAllowedValues(AttributeData attribute)
    {
        if (!IsSingle || _spec.Kind is FieldValueKind.Json or FieldValueKind.JsonElement)
        {
            NotApplicable(attribute, "OneOf", "single values (not lists or JSON text)");
            return EquatableArray<ConstantSpec>.Empty;
        }

        if (attribute.ConstructorArguments.Length != 1)
        {
            _failed = true;
            return EquatableArray<ConstantSpec>.Empty;
        }

        var argument = attribute.ConstructorArguments[0];
        var values = argument.Kind == TypedConstantKind.Array && !argument.IsNull ? argument.Values : [argument];
        var allowed = new List<ConstantSpec>();
        for (var i = 0; i < values.Length; i++)
        {
            var value = Convert(attribute, values.Length == 1 ? 0 : i, values[i], "OneOf", out _);
            if (value is not null && !allowed.Contains(value))
            {
                allowed.Add(value);
            }
        }

        return allowed.ToEquatableArray();
    }

    private string? ParseSensitive(AttributeData attribute)
    {
        if (!IsSingle || _spec.Kind is not (FieldValueKind.String or FieldValueKind.Json or FieldValueKind.JsonElement))
        {
            NotApplicable(attribute, "Sensitive", "string and JSON text");
            return null;
        }

        if (attribute.ConstructorArguments.Length == 0)
        {
            return "Other";
        }

        var kind = attribute.ConstructorArguments[0];
        var member = kind.Type?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(field => field.HasConstantValue && Equals(field.ConstantValue, kind.Value));
        return member is null ? "Other" : member.Name == "None" ? null : member.Name;
    }

    private ConstantSpec? Convert(AttributeData attribute, int index, TypedConstant value, string attributeName, out IComparable? comparable)
    {
        if (ConstantConverter.TryConvert(value, _spec.Kind, _valueType, out var spec, out comparable))
        {
            return spec;
        }

        Fail(DiagnosticDescriptors.ValueNotConvertible, _parser.ArgumentLocation(attribute, index), Display(value), attributeName, _propertyName, _typeName);
        return null;
    }

    private static string Display(TypedConstant value)
    {
        try
        {
            return value.IsNull ? "null" : value.ToCSharpString();
        }
        catch (InvalidOperationException)
        {
            return value.Value?.ToString() ?? "null";
        }
    }

    private void NotApplicable(AttributeData attribute, string attributeName, string appliesTo)
    {
        Fail(DiagnosticDescriptors.ConstraintNotApplicable, _parser.AttributeLocation(attribute), attributeName, _propertyName, _typeName, appliesTo);
    }

    private void Fail(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs)
    {
        _failed = true;
        _parser.Report(descriptor, location, messageArgs);
    }
}
