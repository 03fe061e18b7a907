using System.Collections.Generic;
using static AiEtl.Configuration.Catalog.Keys;

namespace AiEtl.Configuration.Catalog;

/// <summary>
/// Every key of a pipeline file, as the seed's "Configuration Schema" writes them (all under <c>pipeline:</c>), and
/// what the runtime has beyond the seed: commit size, write modes, incremental cursors, a declared row schema, masking.
/// The adapters' <c>config</c> keys are in <see cref="AdapterCatalog"/>.
/// </summary>
public static class PipelineCatalog
{
    /// <summary>The field types of a declared schema: the seed's nine, and decimal, guid and time.</summary>
    public static IReadOnlyList<string> FieldTypes { get; } =
        ["string", "integer", "float", "boolean", "date", "datetime", "timestamp", "json", "array", "decimal", "guid", "time"];

    /// <summary>The kinds of sensitive data a field may be marked with.</summary>
    public static IReadOnlyList<string> SensitiveKinds { get; } = ["none", "email", "phone", "ssn", "credit_card", "other"];

    /// <summary>The kinds a path of <c>sensitive_paths</c> may be masked as: those of <see cref="SensitiveKinds"/> but none (a path listed is masked).</summary>
    public static IReadOnlyList<string> SensitivePathKinds { get; } = ["email", "phone", "ssn", "credit_card", "other"];

    private static readonly string[] ErrorActions = ["fail", "skip", "retry"];

    /// <summary>The keys of one field of <c>source.schema.fields</c> (the seed's <c>Field</c>).</summary>
    public static IReadOnlyList<ConfigKey> FieldKeys { get; } =
    [
        Text("name", "The field name: CSV header, JSON property, database column.", required: true),
        new ConfigKey("type", ConfigValueKind.Enum, "The logical type.") { Required = true, AllowedValues = FieldTypes },
        new ConfigKey("element_type", ConfigValueKind.Enum, "For an array field, the type of its elements.") { AllowedValues = FieldTypes },
        Flag("nullable", "Whether the field may hold no value.", true),
        Text("description", "What the field holds."),
        new ConfigKey("min_value", ConfigValueKind.Scalar, "The smallest allowed value."),
        new ConfigKey("max_value", ConfigValueKind.Scalar, "The largest allowed value."),
        Text("pattern", "A regular expression that string values must match."),
        new ConfigKey("enum_values", ConfigValueKind.StringList, "The only values allowed."),
        Flag("primary_key", "Whether the field is part of the primary key.", false),
        new ConfigKey("sensitive", ConfigValueKind.Enum, "The kind of sensitive data the field holds, masked in logs and errors.") { Default = "none", AllowedValues = SensitiveKinds },
        new ConfigKey("sensitive_paths", ConfigValueKind.Dictionary, "For a json field: the values inside it to mask, each path (as aietl scan spells it after the field's name: email, address.city, orders[].card, [] for an array's elements, [\"a.b\"] for an odd name) with its kind; the rest of the JSON stays readable.")
        {
            Values = new ConfigKey("kind", ConfigValueKind.Enum, "How the values at the path are masked.") { AllowedValues = SensitivePathKinds },
            EntryKeys = "path",
        },
    ];

    private static readonly ConfigKey Execution = Section("execution", "How the pipeline runs.",
    [
        new ConfigKey("batch_size", ConfigValueKind.Integer, "Rows per batch, the unit that moves between the stages.") { Default = 1000L, Minimum = 1, EnvironmentVariable = "DEFAULT_BATCH_SIZE" },
        new ConfigKey("max_workers", ConfigValueKind.Integer, "How many batches the transform stage works on at once (transforms that keep no state run on several, the others each on a worker of its own); rows keep their order.") { Default = 4L, Minimum = 1, EnvironmentVariable = "MAX_WORKERS" },
        Number("timeout_seconds", "How long a run may take before it stops as a cancelled one does; absent for no limit.", minimum: 0),
        Integer("commit_every", "Batches per destination transaction and checkpoint; absent: the destination's default (10 for postgres, 1 for the others).", minimum: 1),
        Integer("batches_in_flight", "How many batches may wait between two stages; bounds memory.", 4, minimum: 1),
        Section("retry_policy", "Retries of connections and batch loads.",
        [
            Integer("max_retries", "How many times an operation is retried after its first failure.", 3, minimum: 0),
            Number("backoff_multiplier", "The base of the exponential backoff: the wait before retry n is backoff_multiplier^n seconds.", 2.0, minimum: 1),
            Number("max_backoff_seconds", "The longest wait between attempts.", 60.0, minimum: 0),
            new ConfigKey("retryable_errors", ConfigValueKind.StringList, "The errors that are retried; connection, read and write when absent.") { AllowedValues = ["connection", "read", "write", "schema", "state", "transform"] },
        ]),
    ]);

    private static readonly ConfigKey Source = new("source", ConfigValueKind.Mapping, "Where the rows come from.")
    {
        Required = true,
        Family = AdapterCatalog.Sources,
        Children =
        [
            new ConfigKey("type", ConfigValueKind.Enum, "The source adapter.") { Required = true, AllowedValues = AdapterCatalog.Sources.Names },
            new ConfigKey("config", ConfigValueKind.Mapping, "The adapter's settings; the keys depend on type."),
            Text("state_file", "The file that keeps the pipeline's state (where the source was read to); a destination that keeps its checkpoint with its rows (a database, a file) is the truth and this file its mirror. Without it, a file under LOCAL_STATE_PATH, else no state."),
            Text("record", "For a compiled pipeline (a *.etl.yaml file in a C# project): the [EtlRecord] type of the rows, such as MyApp.Customer, whose fields the compiler checks every name against; with schema, the name of the record type the compiler generates from it. aietl does not read C# and takes the schema from schema, schema_file or inference."),
            Section("schema", "The row schema, declared instead of inferred.",
            [
                Text("name", "The schema's name (a destination's default table name); defaults to the pipeline's name."),
                new ConfigKey("fields", ConfigValueKind.MappingList, "The fields, in order.") { Required = true, Children = FieldKeys },
                List("primary_key", "The fields of the primary key (or mark fields primary_key: true).", namesFields: true),
            ]),
            Text("schema_file", "A JSON Schema (draft 2020-12) file of the rows, relative to the pipeline file, as the JSON destination's export_schema writes it (x-primary-key; x-sensitive and x-sensitive-paths mask as sensitive and sensitive_paths do); exclusive with schema."),
            Section("inference", "How the schema is inferred when neither schema nor schema_file is given.",
            [
                Integer("sample_size", "How many rows are sampled from the start of the input.", 1000, minimum: 1),
                Number("min_confidence", "The share of a column's sampled values that must parse as a type for the column to get it.", 0.95, minimum: 0, maximum: 1),
            ]),
        ],
    };

    private static readonly ConfigKey Transforms = new("transforms", ConfigValueKind.MappingList, "The transforms, applied in order.")
    {
        Family = AdapterCatalog.Transforms,
        Children =
        [
            new ConfigKey("type", ConfigValueKind.Enum, "The transform.") { Required = true, AllowedValues = AdapterCatalog.Transforms.Names },
            new ConfigKey("config", ConfigValueKind.Mapping, "The transform's settings; the keys depend on type."),
        ],
    };

    private static readonly ConfigKey Destination = new("destination", ConfigValueKind.Mapping, "Where the rows go.")
    {
        Required = true,
        Family = AdapterCatalog.Destinations,
        Children =
        [
            new ConfigKey("type", ConfigValueKind.Enum, "The destination adapter.") { Required = true, AllowedValues = AdapterCatalog.Destinations.Names },
            new ConfigKey("config", ConfigValueKind.Mapping, "The adapter's settings; the keys depend on type."),
            Choice("schema_mode", "What happens when the table or file is missing, or exists with other columns (files: see the section on `schema_mode` of a file destination).", "create_if_missing", "create_if_missing", "fail_if_missing", "drop_and_create"),
        ],
    };

    private static readonly ConfigKey Monitoring = Section("monitoring", "Logging and metrics.",
    [
        new ConfigKey("log_level", ConfigValueKind.Enum, "The lowest level logged.") { Default = "INFO", AllowedValues = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"], IgnoreCase = true, EnvironmentVariable = "LOG_LEVEL" },
        new ConfigKey("log_format", ConfigValueKind.Enum, "How log lines are written.") { Default = "text", AllowedValues = ["text", "json"], IgnoreCase = true, EnvironmentVariable = "LOG_FORMAT" },
        Flag("metrics_enabled", "Whether the run's metrics (rows per stage, commit durations) are reported.", true),
        Number("progress_interval_seconds", "How often progress is printed when the output is not a terminal.", 5.0, minimum: 0.1),
    ]);

    private static readonly ConfigKey ErrorHandling = Section("error_handling", "What each stage does with a row that fails, and where failed rows go.",
    [
        Choice("on_extract_error", "A row that cannot be read: stop the run, skip it into the dead-letter file, or retry.", "fail", ErrorActions),
        Choice("on_transform_error", "A row a transform fails on.", "skip", ErrorActions),
        Choice("on_load_error", "A batch the destination rejects.", "fail", ErrorActions),
        Text("dead_letter_queue", "The JSONL file skipped rows are appended to, relative to the pipeline file; defaults to .errors/<pipeline>/dlq.jsonl."),
    ]);

    private static readonly ConfigKey Masking = Section("masking", "Masking of sensitive values (SSN, card numbers, e-mail, phone) in errors, logs and dead-letter messages.",
    [
        Flag("enabled", "Whether messages are scanned for the sensitive patterns.", true),
        Choice("strategy", "How a value found is replaced: partial keeps enough to tell values apart, redact its kind, keyed_hash an HMAC.", "partial", "partial", "redact", "keyed_hash"),
        new ConfigKey("hash_key", ConfigValueKind.String, "The key of keyed_hash, at least 16 bytes; from a ${VAR}, never a literal.") { IsSecret = true },
        Flag("mask_dead_letter_rows", "Whether the raw rows of the dead-letter file are masked too (then a replay reads them from the source).", false),
    ]);

    /// <summary>The <c>pipeline</c> key, which holds everything.</summary>
    public static ConfigKey Pipeline { get; } = Section("pipeline", "The pipeline.",
    [
        new ConfigKey("name", ConfigValueKind.String, "The pipeline's name (at least 3 characters): its id in state, logs and the dead-letter file.") { Required = true, Minimum = 3 },
        Text("description", "What the pipeline does."),
        Text("version", "The pipeline's version.", "1.0"),
        Execution,
        Source,
        Transforms,
        Destination,
        Monitoring,
        ErrorHandling,
        Masking,
    ], required: true);

    /// <summary>The root of a file: a mapping with the one key <c>pipeline</c>.</summary>
    public static ConfigKey Root { get; } = Section("", "A pipeline file.", [Pipeline]);
}
