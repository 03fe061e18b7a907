using System.Collections.Generic;

namespace AiEtl.Configuration.Diagnostics;

/// <summary>
/// Every problem a pipeline configuration can have, one id each (<c>AIETL1nnn</c>; <c>AIETL0nnn</c> are the record
/// declarations' ids). Each id has a page <c>docs/diagnostics/&lt;id&gt;.md</c>; ids are never reused.
/// </summary>
public static class ConfigDiagnostics
{
    /// <summary>AIETL1001: the file is not valid YAML.</summary>
    public static readonly ConfigDiagnosticDescriptor YamlSyntax = new(
        "AIETL1001", ConfigSeverity.Error, "YAML syntax error", "{0}",
        "The file cannot be read as YAML (bad indentation, an unclosed quote or bracket, a key without a colon). Nothing else is checked until it parses.");

    /// <summary>AIETL1002: a tab in the indentation.</summary>
    public static readonly ConfigDiagnosticDescriptor TabIndentation = new(
        "AIETL1002", ConfigSeverity.Error, "Tab character in indentation", "a tab indents this line; YAML indents with spaces only",
        "YAML forbids tabs in indentation. Replace the tab with spaces (two a level, as the samples do).");

    /// <summary>AIETL1003: a key is written twice in one mapping.</summary>
    public static readonly ConfigDiagnosticDescriptor DuplicateKey = new(
        "AIETL1003", ConfigSeverity.Error, "Duplicate key", "the key '{0}' is already set at line {1}; a key may appear once in a mapping",
        "A YAML mapping holds each key once; other tools silently keep the first or the last value. Remove one of them.");

    /// <summary>AIETL1004: the file holds no pipeline.</summary>
    public static readonly ConfigDiagnosticDescriptor EmptyFile = new(
        "AIETL1004", ConfigSeverity.Error, "Empty pipeline file", "the file is empty; a pipeline file needs at least 'pipeline:' with 'name', 'source' and 'destination'",
        "A pipeline file must hold one YAML document, a mapping with the key 'pipeline'.");

    /// <summary>AIETL1005: a key the configuration does not have.</summary>
    public static readonly ConfigDiagnosticDescriptor UnknownKey = new(
        "AIETL1005", ConfigSeverity.Error, "Unknown key", "unknown key '{0}'{1}; the keys here are {2}",
        "The key is not part of the configuration at this place, often a misspelling. The message suggests the closest key and lists the valid ones.");

    /// <summary>AIETL1006: a value of the wrong type.</summary>
    public static readonly ConfigDiagnosticDescriptor WrongType = new(
        "AIETL1006", ConfigSeverity.Error, "Value has the wrong type", "expected {0}, found {1}",
        "Each key takes one kind of value: text, a whole number, a number, true/false, one character, a list or a mapping.");

    /// <summary>AIETL1007: a number outside its range.</summary>
    public static readonly ConfigDiagnosticDescriptor OutOfRange = new(
        "AIETL1007", ConfigSeverity.Error, "Value out of range", "{0} is out of range: {1}",
        "The key takes numbers within a range (a batch size of at least 1, a score between 0 and 1, a port between 1 and 65535).");

    /// <summary>AIETL1008: a value that is not one of the allowed ones.</summary>
    public static readonly ConfigDiagnosticDescriptor InvalidEnumValue = new(
        "AIETL1008", ConfigSeverity.Error, "Value is not one of the allowed values", "{0} is not allowed{1}; the values are {2}",
        "The key takes one of a fixed set of values, listed in the message; the closest one is suggested.");

    /// <summary>AIETL1009: a required key is missing.</summary>
    public static readonly ConfigDiagnosticDescriptor MissingKey = new(
        "AIETL1009", ConfigSeverity.Error, "Required key is missing", "the required key '{0}' is missing{1}",
        "The key has no default and the pipeline cannot run without it.");

    /// <summary>AIETL1010: a source type that does not exist.</summary>
    public static readonly ConfigDiagnosticDescriptor UnknownSourceType = new(
        "AIETL1010", ConfigSeverity.Error, "Unknown source type", "unknown source type '{0}'{1}; the source types are {2}",
        "source.type names the adapter that reads the rows; only the listed ones exist.");

    /// <summary>AIETL1011: a transform type that does not exist.</summary>
    public static readonly ConfigDiagnosticDescriptor UnknownTransformType = new(
        "AIETL1011", ConfigSeverity.Error, "Unknown transform type", "unknown transform type '{0}'{1}; the transform types are {2}",
        "transforms[].type names a transform; only the listed ones exist.");

    /// <summary>AIETL1012: a destination type that does not exist.</summary>
    public static readonly ConfigDiagnosticDescriptor UnknownDestinationType = new(
        "AIETL1012", ConfigSeverity.Error, "Unknown destination type", "unknown destination type '{0}'{1}; the destination types are {2}",
        "destination.type names the adapter that writes the rows; only the listed ones exist.");

    /// <summary>AIETL1013: a <c>${VAR}</c> whose variable is not set.</summary>
    public static readonly ConfigDiagnosticDescriptor UnsetVariable = new(
        "AIETL1013", ConfigSeverity.Error, "Environment variable is not set", "the environment variable '{0}' is not set, in the process environment or in {1}, and the placeholder has no default",
        "A ${VAR} placeholder needs the variable set in the process environment or the .env file, or a default: ${VAR:-default}.");

    /// <summary>AIETL1014: a password written in the file.</summary>
    public static readonly ConfigDiagnosticDescriptor LiteralSecret = new(
        "AIETL1014", ConfigSeverity.Warning, "Secret written as a literal", "{0} is written in the file; take it from the environment with a placeholder such as ${{{1}}}",
        "Credentials belong in the environment or a .env file kept out of version control, not in the pipeline file.");

    /// <summary>AIETL1015: a field name the declared schema does not have.</summary>
    public static readonly ConfigDiagnosticDescriptor UnknownField = new(
        "AIETL1015", ConfigSeverity.Error, "Field is not in the schema", "the field '{0}' is not in the declared schema{1}; its fields are {2}",
        "Keys that name fields (key_fields, fields, cursor_column, primary_key) must name fields of the schema declared under source.schema.");

    /// <summary>AIETL1016: merge without a key to merge by.</summary>
    public static readonly ConfigDiagnosticDescriptor MergeWithoutPrimaryKey = new(
        "AIETL1016", ConfigSeverity.Error, "Merge needs a primary key", "write_mode 'merge' updates rows by their primary key, and none is declared; set destination.config.primary_key or mark fields 'primary_key: true' in source.schema",
        "A merge (upsert) finds the row to update by its primary key, so the key must be known before the run.");

    /// <summary>AIETL1017: keys that cannot go together, or one of a pair that is needed.</summary>
    public static readonly ConfigDiagnosticDescriptor ConflictingKeys = new(
        "AIETL1017", ConfigSeverity.Error, "Conflicting or missing alternative keys", "{0}",
        "Some keys exclude each other (table and query, schema and schema_file), and some adapters need one of two (a table or a query).");

    /// <summary>AIETL1018: a placeholder written wrongly.</summary>
    public static readonly ConfigDiagnosticDescriptor BadPlaceholder = new(
        "AIETL1018", ConfigSeverity.Error, "Malformed placeholder", "'{0}' is not a placeholder; write ${{NAME}} or ${{NAME:-default}} (NAME of letters, digits and '_'), or $${{ for a literal '${{'",
        "Placeholders are ${NAME} or ${NAME:-default}; an unclosed or empty one is an error rather than text, so a typo cannot leak into a connection.");

    /// <summary>AIETL1019: the JSON Schema file of the rows cannot be used.</summary>
    public static readonly ConfigDiagnosticDescriptor BadSchemaFile = new(
        "AIETL1019", ConfigSeverity.Error, "Schema file cannot be used", "the schema file '{0}' {1}",
        "schema_file names a JSON Schema (draft 2020-12) of the rows: an object schema whose properties are the fields.");

    /// <summary>AIETL1020: the file cannot be read.</summary>
    public static readonly ConfigDiagnosticDescriptor UnreadableFile = new(
        "AIETL1020", ConfigSeverity.Error, "File cannot be read", "{0}",
        "The pipeline file, or the .env file beside it, does not exist or cannot be read.");

    /// <summary>AIETL1021: a line of the .env file that is not NAME=value.</summary>
    public static readonly ConfigDiagnosticDescriptor BadEnvFileLine = new(
        "AIETL1021", ConfigSeverity.Error, "Bad line in the .env file", "this line is not NAME=value: {0}",
        "A .env file holds NAME=value lines (optionally 'export NAME=value'), comments starting with '#', and blank lines.");

    /// <summary>AIETL1022: an invalid value that is neither a type nor a range problem.</summary>
    public static readonly ConfigDiagnosticDescriptor InvalidValue = new(
        "AIETL1022", ConfigSeverity.Error, "Invalid value", "{0}",
        "The value has the right type but cannot be used: an invalid regular expression, a field declared twice, an unknown culture.");

    /// <summary>AIETL1023: a command-line override that cannot be applied.</summary>
    public static readonly ConfigDiagnosticDescriptor BadOverride = new(
        "AIETL1023", ConfigSeverity.Error, "Override cannot be applied", "the override '{0}' {1}",
        "--set key.path=value overrides one scalar key of the file, with a path such as pipeline.execution.batch_size or pipeline.transforms[1].config.min_score.");

    /// <summary>AIETL1024: a feature that is configured correctly but that this runtime cannot run yet.</summary>
    public static readonly ConfigDiagnosticDescriptor NotSupportedYet = new(
        "AIETL1024", ConfigSeverity.Error, "Not supported yet", "{0} is valid configuration, but this version of the runtime cannot run it yet",
        "The configuration model knows the key or value, the engine does not implement it yet. The run is refused rather than silently ignoring the setting.");

    /// <summary>AIETL1025: in a compiled pipeline, a placeholder without a default where the compiler needs a value.</summary>
    public static readonly ConfigDiagnosticDescriptor PlaceholderNeedsDefault = new(
        "AIETL1025", ConfigSeverity.Error, "Placeholder needs a default in a compiled pipeline", "a compiled pipeline resolves ${{VAR}} placeholders of text settings when it runs, but this setting is {0} and needs a value at compile time: give the placeholder a default, ${{VAR:-value}}, or write the value",
        "The generator turns numbers, flags and choices into code, so their value must be known when the project builds; paths, hosts, names and passwords may come from the environment when the pipeline runs.");

    /// <summary>AIETL1026: a key of <c>sensitive_paths</c> that is not a path inside a JSON field.</summary>
    public static readonly ConfigDiagnosticDescriptor BadSensitivePath = new(
        "AIETL1026", ConfigSeverity.Error, "Bad path in sensitive_paths", "'{0}' is not a path inside a JSON field: {1} (at character {2}); write it as aietl scan names the column after the field's name: email, address.city, orders[].card, [] for an array's elements, [\"a.b\"] for a name with '.', '[' or ']'",
        "A path of sensitive_paths names values inside the field's JSON, property by property, with [] for the elements of an array; the engine masks the values it names and nothing else.");

    /// <summary>AIETL1027: <c>sensitive_paths</c> on a field whose type is not json.</summary>
    public static readonly ConfigDiagnosticDescriptor SensitivePathsNeedJson = new(
        "AIETL1027", ConfigSeverity.Error, "sensitive_paths on a field that is not json", "the field '{0}' is {1}, and sensitive_paths masks values inside a json field's JSON; mask a {1} field whole with 'sensitive:', or declare it 'type: json'",
        "Only a json field has values inside it; a path on any other field would find nothing, and its values would be shown in clear.");

    /// <summary>Every descriptor, in id order.</summary>
    public static IReadOnlyList<ConfigDiagnosticDescriptor> All { get; } =
    [
        YamlSyntax, TabIndentation, DuplicateKey, EmptyFile, UnknownKey, WrongType, OutOfRange, InvalidEnumValue, MissingKey,
        UnknownSourceType, UnknownTransformType, UnknownDestinationType, UnsetVariable, LiteralSecret, UnknownField,
        MergeWithoutPrimaryKey, ConflictingKeys, BadPlaceholder, BadSchemaFile, UnreadableFile, BadEnvFileLine, InvalidValue,
        BadOverride, NotSupportedYet, PlaceholderNeedsDefault, BadSensitivePath, SensitivePathsNeedJson,
    ];
}
