using Microsoft.CodeAnalysis;

namespace AiEtl.Generators;

/// <summary>
/// Every diagnostic the generator reports. Each id has a page <c>docs/diagnostics/&lt;id&gt;.md</c> and a line
/// in <c>AnalyzerReleases.Unshipped.md</c> (or <c>Shipped.md</c> once released); ids are never reused.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "AiEtl";

    /// <summary>AIETL0001: the [EtlRecord] type, or a type that contains it, is not partial.</summary>
    public static readonly DiagnosticDescriptor TypeMustBePartial = Create(
        "AIETL0001",
        "[EtlRecord] type must be partial",
        "'{0}' must be declared partial so that the generator can add the IEtlRecord implementation of '{1}'",
        DiagnosticSeverity.Error,
        "The generator adds a partial declaration of an [EtlRecord] type, inside partial declarations of the types that contain it. Add the 'partial' modifier to the type and to every type that contains it.");

    /// <summary>AIETL0002: a mapped property has a type the generator cannot read or write.</summary>
    public static readonly DiagnosticDescriptor UnsupportedPropertyType = Create(
        "AIETL0002",
        "Unsupported property type",
        "Property '{0}' has the type '{1}', which an [EtlRecord] field cannot hold; use string, int, long, short, double, float, decimal, bool, DateOnly, TimeOnly, DateTime, DateTimeOffset, Guid, JsonElement or an enum, a nullable one of these, or an array, List<T> or IReadOnlyList<T> of one that is not an enum or nullable",
        DiagnosticSeverity.Error,
        "Every field of an [EtlRecord] type maps to one FieldType and one reader and writer method. Change the property's type to a supported one, or make the property non-public or get-only so that it is not a field.");

    /// <summary>AIETL0003: the [EtlRecord] type maps no property to a field.</summary>
    public static readonly DiagnosticDescriptor RecordHasNoFields = Create(
        "AIETL0003",
        "[EtlRecord] type has no fields",
        "'{0}' has no fields: [EtlRecord] maps positional record parameters and public instance properties that have a getter and a setter or init accessor",
        DiagnosticSeverity.Error,
        "A schema needs at least one field. Declare the fields as positional parameters or as public properties with a setter or init accessor.");

    /// <summary>AIETL0004: two properties map to the same field name.</summary>
    public static readonly DiagnosticDescriptor DuplicateFieldName = Create(
        "AIETL0004",
        "Duplicate field name",
        "Property '{0}' maps to the field name '{1}', which property '{2}' already uses (field names are compared without regard to case)",
        DiagnosticSeverity.Error,
        "Field names are CSV headers, JSON properties and database columns, which most formats compare without regard to case. Give one of the properties another name with [FieldName].");

    /// <summary>AIETL0005: a primary key property is nullable.</summary>
    public static readonly DiagnosticDescriptor NullablePrimaryKey = Create(
        "AIETL0005",
        "Primary key property is nullable",
        "Property '{0}' is part of the primary key, so its type '{1}' must not be nullable",
        DiagnosticSeverity.Error,
        "Every row must have a value in each primary key field. Make the property's type non-nullable, or remove [PrimaryKey].");

    /// <summary>AIETL0006: the generated ReadFields has no way to create the type.</summary>
    public static readonly DiagnosticDescriptor CannotConstructRecord = Create(
        "AIETL0006",
        "[EtlRecord] type cannot be constructed",
        "The generator cannot create '{0}' in ReadFields: make it a positional record or give it a parameterless constructor, and do not make it abstract or static",
        DiagnosticSeverity.Error,
        "ReadFields calls the primary constructor of a positional record, or the parameterless constructor with an object initializer. An abstract or static type, or a class whose only constructors take parameters, cannot be created that way.");

    /// <summary>AIETL0007: [JsonField] on a property that is not a string.</summary>
    public static readonly DiagnosticDescriptor JsonFieldMustBeString = Create(
        "AIETL0007",
        "[JsonField] property must be a string",
        "Property '{0}' has [JsonField] but its type is '{1}'; a JSON field holds JSON text, so its property must be a string (or a JsonElement)",
        DiagnosticSeverity.Error,
        "A JSON field is read and written as JSON text. Change the property's type to string (or string?), or remove [JsonField].");

    /// <summary>AIETL0008: the regular expression of [Pattern] does not parse.</summary>
    public static readonly DiagnosticDescriptor InvalidPattern = Create(
        "AIETL0008",
        "[Pattern] is not a valid regular expression",
        "The [Pattern] of property '{0}' is not a valid .NET regular expression: {1}",
        DiagnosticSeverity.Error,
        "The expression is compiled when the record is, with the same parser that matches it at run time, so that a mistake shows here and not on the first row. Fix the expression; remember that a C# verbatim string (@\"...\") keeps backslashes as they are.");

    /// <summary>AIETL0009: the minimum of [ValueRange] is greater than its maximum.</summary>
    public static readonly DiagnosticDescriptor InvalidRange = Create(
        "AIETL0009",
        "[ValueRange] minimum is greater than its maximum",
        "The [ValueRange] of property '{0}' allows no value: its minimum {1} is greater than its maximum {2}",
        DiagnosticSeverity.Error,
        "A range includes both bounds and needs min <= max. Swap the bounds.");

    /// <summary>AIETL0010: a constraint attribute on a property whose type it does not apply to.</summary>
    public static readonly DiagnosticDescriptor ConstraintNotApplicable = Create(
        "AIETL0010",
        "Constraint does not apply to the property's type",
        "[{0}] cannot apply to property '{1}' of type '{2}': it applies to {3}",
        DiagnosticSeverity.Error,
        "[ValueRange] applies to numbers, dates and times; [Pattern] to strings; [OneOf] to single values other than JSON; [Sensitive] to strings and JSON text. Remove the attribute or change the property's type.");

    /// <summary>AIETL0011: a value in [ValueRange] or [OneOf] that the property cannot hold.</summary>
    public static readonly DiagnosticDescriptor ValueNotConvertible = Create(
        "AIETL0011",
        "Constraint value does not fit the property's type",
        "The value {0} in [{1}] on property '{2}' cannot be converted to '{3}'",
        DiagnosticSeverity.Error,
        "Values in constraint attributes are converted to the property's type when the record is compiled. Integer properties take whole numbers in their range; decimal takes numbers or text such as \"0.01\"; dates, times and GUIDs take invariant text (\"2024-01-31\", \"13:45:00\", \"2024-01-31T13:45:00Z\"); enums take their members.");

    /// <summary>AIETL0012: a member of the record has the name of a generated member.</summary>
    public static readonly DiagnosticDescriptor ReservedMemberName = Create(
        "AIETL0012",
        "Member name is used by the generated code",
        "'{0}' declares a member named '{1}', which the generator adds to an [EtlRecord] type; rename it (use [FieldName] to keep the field name)",
        DiagnosticSeverity.Error,
        "The generator adds Schema, ReadFields, WriteFields and Validate to every [EtlRecord] type, and a private s_<property>Pattern field for each [Pattern]. A member of the same name would not compile. Rename the member; [FieldName] keeps the column name.");

    /// <summary>AIETL0013: an empty schema or field name.</summary>
    public static readonly DiagnosticDescriptor EmptyName = Create(
        "AIETL0013",
        "Name is empty",
        "The name given in [{0}] is empty or white space; {1}",
        DiagnosticSeverity.Error,
        "Schema names are table names and field names are CSV headers and columns: neither can be empty. Give a name, or remove the argument to use the default.");

    /// <summary>AIETL0099: the generator itself failed.</summary>
    public static readonly DiagnosticDescriptor GeneratorFailed = Create(
        "AIETL0099",
        "The AiEtl generator failed",
        "The AiEtl generator failed on '{0}' and generated no code for it: {1}",
        DiagnosticSeverity.Warning,
        "An unexpected error inside the generator. Please report it with the declaration that caused it.");

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, DiagnosticSeverity severity, string description)
    {
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            Category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: "https://github.com/aietl/aietl-typed/blob/main/docs/diagnostics/" + id + ".md");
    }
}
