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

    /// <summary>AIETL0014: a [Pipeline] class is not partial, or is nested in another type.</summary>
    public static readonly DiagnosticDescriptor PipelineClassMustBePartial = Create(
        "AIETL0014",
        "[Pipeline] class must be a partial top-level class",
        "'{0}' must be declared partial, outside any other type, so that the generator can add its pipeline code",
        DiagnosticSeverity.Error,
        "The generator completes a [Pipeline<T>] class with a partial declaration of it in the same namespace. Add the 'partial' modifier, and declare the class directly in a namespace.");

    /// <summary>AIETL0015: a [Pipeline] class has two sources or two destinations.</summary>
    public static readonly DiagnosticDescriptor PipelineAttributeRepeated = Create(
        "AIETL0015",
        "Pipeline has two sources or destinations",
        "'{1}' already has a {0} attribute; a pipeline reads one source and loads one destination",
        DiagnosticSeverity.Error,
        "A pipeline has one source and one destination. Remove one of the attributes, or declare a second pipeline.");

    /// <summary>AIETL0016: a [Transform] or [Filter] method has the wrong signature.</summary>
    public static readonly DiagnosticDescriptor TransformMethodSignature = Create(
        "AIETL0016",
        "Transform or filter method has the wrong signature",
        "'{0}' is marked {1} but does not have the signature '{2}'",
        DiagnosticSeverity.Error,
        "A [Transform] method takes the pipeline's record and returns it, changed; a [Filter] method takes the record and returns whether to keep it. Either may be static.");

    /// <summary>AIETL0017: the Sample of an [EtlRecord] is not an AdditionalFiles item.</summary>
    public static readonly DiagnosticDescriptor SampleNotFound = Create(
        "AIETL0017",
        "Record sample is not an AdditionalFiles item",
        "The sample '{0}' of '{1}' is not an AdditionalFiles item of the project: add <AdditionalFiles Include=\"{0}\" /> to the project file (the path is relative to the project folder)",
        DiagnosticSeverity.Error,
        "The generator reads a record's sample through the compiler, which hands it only the project's AdditionalFiles items; a file that is missing, or not listed, cannot be read. List the file as an AdditionalFiles item, or correct the path.");

    /// <summary>AIETL0018: the Sample of an [EtlRecord] has no header or no rows.</summary>
    public static readonly DiagnosticDescriptor SampleIsEmptyForRecord = Create(
        "AIETL0018",
        "Record sample is empty",
        "The sample '{0}' {1}, so the fields of '{2}' cannot be inferred from it",
        DiagnosticSeverity.Error,
        "The properties of an [EtlRecord(Sample = ...)] type come from the header and the rows of its sample. Give the file a header line and rows, or declare the properties and remove Sample.");

    /// <summary>AIETL0019: a column of an [EtlRecord]'s sample is inferred with a confidence under the threshold.</summary>
    public static readonly DiagnosticDescriptor UnsureSampleColumn = Create(
        "AIETL0019",
        "Record sample column is unsure",
        "Column '{0}' of '{1}' is inferred as {2} with confidence {3}, under 0.95 ({4}{5}): declare the property '{6}' in '{7}' with the type it holds",
        DiagnosticSeverity.Warning,
        "The sample does not settle the column's type (a 0/1 column may be a flag or a count, a date may be day or month first, a column may mix types). The generated property has the inferred type; declaring the property yourself in the partial type replaces it.");

    /// <summary>AIETL0020: a column of an [EtlRecord]'s sample holds personal data and its property is not [Sensitive].</summary>
    public static readonly DiagnosticDescriptor SensitiveSampleColumn = Create(
        "AIETL0020",
        "Record sample column looks sensitive",
        "Column '{0}' of '{1}' looks like personal data ({2}): declare the property '{3}' in '{4}' with [Sensitive(SensitiveKind.{5})] so that violations and logs mask its values",
        DiagnosticSeverity.Info,
        "The sensitive-data scan of `aietl scan` (docs/inference.md) found personal data in the column. A property marked [Sensitive] has its values masked in violations, dead-letter reasons and logs. Declare the property in the partial type with the attribute, or leave it if the values are not personal.");

    /// <summary>AIETL0099: the generator itself failed.</summary>
    public static readonly DiagnosticDescriptor GeneratorFailed = Create(
        "AIETL0099",
        "The AiEtl generator failed",
        "The AiEtl generator failed on '{0}' and generated no code for it: {1}",
        DiagnosticSeverity.Warning,
        "An unexpected error inside the generator. Please report it with the declaration that caused it.");

    /// <summary>AIETL1100: pipeline file cannot be read.</summary>
    public static readonly DiagnosticDescriptor PipelineFileUnreadable = Create(
        "AIETL1100",
        "Pipeline file cannot be read",
        "The pipeline file '{0}' could not be read by the compiler",
        DiagnosticSeverity.Error,
        "The compiler passed the *.etl.yaml file to the generator without its text. Check that the file exists and can be read.");

    /// <summary>AIETL1101: record type not found.</summary>
    public static readonly DiagnosticDescriptor RecordNotFound = Create(
        "AIETL1101",
        "Record type not found",
        "source.record: no [EtlRecord] type is named '{0}' in this project{1}",
        DiagnosticSeverity.Error,
        "A compiled pipeline's rows are a C# record: record: names an [EtlRecord] type of the project by its full name (or its simple name when that is unique). A type without [EtlRecord] has no generated codecs and cannot be a pipeline's record.");

    /// <summary>AIETL1102: record type is ambiguous.</summary>
    public static readonly DiagnosticDescriptor RecordAmbiguous = Create(
        "AIETL1102",
        "Record type is ambiguous",
        "source.record: '{0}' names several [EtlRecord] types: {1}; write the full name",
        DiagnosticSeverity.Error,
        "A simple name in record: must name one [EtlRecord] type of the project. Write the namespace too.");

    /// <summary>AIETL1103: compiled pipeline has no record.</summary>
    public static readonly DiagnosticDescriptor PipelineHasNoRecord = Create(
        "AIETL1103",
        "Compiled pipeline has no record",
        "The pipeline '{0}' declares no rows: give source.record (an [EtlRecord] type) or source.schema, since a compiled pipeline cannot infer its schema at build time",
        DiagnosticSeverity.Error,
        "aietl infers a schema from the data when it runs; the compiler has no data, so a compiled pipeline names its record type or declares its fields inline.");

    /// <summary>AIETL1104: schema file in a compiled pipeline.</summary>
    public static readonly DiagnosticDescriptor SchemaFileNotCompiled = Create(
        "AIETL1104",
        "Schema file in a compiled pipeline",
        "The pipeline '{0}' takes its schema from schema_file, which the compiler does not read; declare the fields under source.schema, or name an [EtlRecord] type with source.record",
        DiagnosticSeverity.Error,
        "The generator reads only the *.etl.yaml file itself; a JSON Schema file is read by aietl at run time.");

    /// <summary>AIETL1105: field is not in the record.</summary>
    public static readonly DiagnosticDescriptor UnknownRecordField = Create(
        "AIETL1105",
        "Field is not in the record",
        "{0}: '{1}' is not a field of {2}{3}; its fields are {4}",
        DiagnosticSeverity.Error,
        "Field names in key_fields, fields, impute, fill_values, cursor_column, key_columns and primary_key are the record's field names (its properties in snake_case, or as [FieldName] says).");

    /// <summary>AIETL1106: field cannot be a key.</summary>
    public static readonly DiagnosticDescriptor FieldCannotBeKey = Create(
        "AIETL1106",
        "Field cannot be a key",
        "'{0}' holds {1}, which cannot identify a row",
        DiagnosticSeverity.Error,
        "A key (key_fields, key_columns, primary_key) is compared and hashed: a JSON value or a list cannot be one. Use a scalar field.");

    /// <summary>AIETL1107: cursor cannot be ordered.</summary>
    public static readonly DiagnosticDescriptor CursorNotOrderable = Create(
        "AIETL1107",
        "Cursor cannot be ordered",
        "cursor_column '{0}' holds {1}, which has no order to resume from",
        DiagnosticSeverity.Error,
        "An incremental source reads the rows after the last cursor value, so the cursor must be a number, a text, a date, a time or a timestamp.");

    /// <summary>AIETL1108: merge without a primary key.</summary>
    public static readonly DiagnosticDescriptor MergeNeedsRecordKey = Create(
        "AIETL1108",
        "Merge without a primary key",
        "write_mode: merge needs a key, and {0} has no [PrimaryKey] property; mark one, or give the destination's primary_key",
        DiagnosticSeverity.Error,
        "A merge updates the rows whose key matches and inserts the others; without a key every row would be new.");

    /// <summary>AIETL1109: transform changes the row type.</summary>
    public static readonly DiagnosticDescriptor TransformChangesRecord = Create(
        "AIETL1109",
        "Transform changes the row type",
        "The transform '{0}' changes the fields of a row, which a compiled pipeline typed to {1} cannot do; declare the destination's record and map to it in C#, or run the file with aietl",
        DiagnosticSeverity.Error,
        "select and rename give rows other fields than the record's; a typed pipeline's rows keep their type from source to destination.");

    /// <summary>AIETL1110: imputation needs a number.</summary>
    public static readonly DiagnosticDescriptor ImputeNeedsNumber = Create(
        "AIETL1110",
        "Imputation needs a number",
        "impute: {0} of '{1}' needs a number, but the field holds {2}; use mode or constant",
        DiagnosticSeverity.Error,
        "The mean and the median are computed from numbers; mode and constant work on any field.");

    /// <summary>AIETL1111: sample file lacks a column.</summary>
    public static readonly DiagnosticDescriptor SampleLacksColumn = Create(
        "AIETL1111",
        "Sample file lacks a column",
        "{0} has no column '{1}', which {2} declares{3}",
        DiagnosticSeverity.Error,
        "The CSV file the pipeline reads is one of the project's files, so the compiler reads its header: every field of the record must be a column, or the run would fail on its first row.");

    /// <summary>AIETL1112: sample file has a column the record lacks.</summary>
    public static readonly DiagnosticDescriptor SampleHasExtraColumn = Create(
        "AIETL1112",
        "Sample file has a column the record lacks",
        "{0} has a column '{1}' that {2} does not declare; it is not loaded",
        DiagnosticSeverity.Info,
        "Columns that the record does not declare are skipped when the file is read. Add a property to load it, or leave it out on purpose.");

    /// <summary>AIETL1113: two pipelines have the same name.</summary>
    public static readonly DiagnosticDescriptor DuplicatePipelineName = Create(
        "AIETL1113",
        "Two pipelines have the same name",
        "Another pipeline is named '{0}' ({1}); pipeline names identify state, logs and dead-letter files, and the registry finds pipelines by them",
        DiagnosticSeverity.Error,
        "Give each pipeline of the project its own name.");

    /// <summary>AIETL1114: fields give the same property name.</summary>
    public static readonly DiagnosticDescriptor InlineFieldNameClash = Create(
        "AIETL1114",
        "Fields give the same property name",
        "The field '{0}' becomes the property '{1}', which another field (or the record itself) already has; rename one of them",
        DiagnosticSeverity.Error,
        "The record generated from source.schema names each property after its field in PascalCase, so 'first_name' and 'first-name' are both FirstName.");

    /// <summary>AIETL1115: record type is not an [EtlRecord].</summary>
    public static readonly DiagnosticDescriptor RecordIsNotEtlRecord = Create(
        "AIETL1115",
        "Record type is not an [EtlRecord]",
        "source.record: '{0}' is a type of this project, but not an [EtlRecord] type; mark it [EtlRecord] (and partial) so that its codecs are generated",
        DiagnosticSeverity.Error,
        "A compiled pipeline reads and writes its rows through the record's generated code, which only [EtlRecord] types have.");

    /// <summary>AIETL1116: destination stores some fields converted.</summary>
    public static readonly DiagnosticDescriptor DestinationConversion = Create(
        "AIETL1116",
        "Destination stores some fields converted",
        "{0} stores {1}",
        DiagnosticSeverity.Info,
        "Informational: what the destination does with fields it has no native type for, as docs/type-mapping.md lists; the values round-trip through AiEtl.");

    /// <summary>AIETL1117: key field may be null.</summary>
    public static readonly DiagnosticDescriptor NullableKeyField = Create(
        "AIETL1117",
        "Key field may be null",
        "'{0}' may be null: the deduplicator counts all rows whose key is null as one key, and keeps only one of them",
        DiagnosticSeverity.Warning,
        "A nullable key field makes every row without a key a duplicate of the first. Make the property non-nullable, add a null_remover on it before the deduplicator, or key on another field.");

    /// <summary>AIETL1118: quality score has no constraints to check.</summary>
    public static readonly DiagnosticDescriptor QualityScoreWithoutChecks = Create(
        "AIETL1118",
        "Quality score has no constraints to check",
        "{0} declares no constraint ([ValueRange], [Pattern], [OneOf], non-nullable text), so the quality score measures completeness only",
        DiagnosticSeverity.Info,
        "The quality score combines completeness and validity against the record's constraints; without constraints validity is always 1.");

    /// <summary>AIETL1119: inline schema names an existing record.</summary>
    public static readonly DiagnosticDescriptor InlineRecordExists = Create(
        "AIETL1119",
        "Inline schema names an existing record",
        "source.record: '{0}' is already an [EtlRecord] type of the project, and source.schema would generate it again; remove source.schema to use the C# record, or give the generated record another name",
        DiagnosticSeverity.Error,
        "With source.schema the generator emits the record; with an existing record it takes the C# declaration. The file must choose one.");

    /// <summary>AIETL1120: sample file is empty.</summary>
    public static readonly DiagnosticDescriptor SampleIsEmpty = Create(
        "AIETL1120",
        "Sample file is empty",
        "{0} is empty: its header cannot be checked against {1}",
        DiagnosticSeverity.Warning,
        "The CSV file the pipeline reads is one of the project's files but has no header line. Add the header, or remove the file from AdditionalFiles.");

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
