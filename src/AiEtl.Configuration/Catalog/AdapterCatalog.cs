using System.Collections.Generic;
using AiEtl.Configuration.Diagnostics;
using static AiEtl.Configuration.Catalog.Keys;

namespace AiEtl.Configuration.Catalog;

/// <summary>
/// The one table of every source, destination and transform type and the keys of its <c>config</c>, taken from the
/// runtime's options classes (<c>CsvSourceOptions</c>, <c>JsonDestinationOptions</c>, <c>SqliteSourceOptions</c>,
/// <c>PostgresOptions</c>, ...) in the seed's snake_case. Keys shared by several adapters are written once below.
/// </summary>
public static class AdapterCatalog
{
    private static readonly string[] ReadCompressions = ["none", "gzip", "zip", "bzip2", "xz", "zstd"];
    private static readonly string[] WriteCompressions = ["none", "gzip", "zip", "bzip2", "zstd"];
    private static readonly string[] Encodings = ["utf-8", "utf-8-bom", "utf-16", "utf-16le", "utf-16be", "utf-32", "ascii", "latin1"];

    private static ConfigKey FilePath(string role) => Text("path", role == "source"
        ? "The file to read, or a glob of files (data/*.csv); relative paths are relative to the pipeline file."
        : "The file to write; relative paths are relative to the pipeline file.", required: true);

    private static ConfigKey ReadCompression() => Choice("compression", "How the file is compressed; taken from the extension (.gz, .zip, .bz2, .xz, .zst) when absent.", null, ReadCompressions);

    private static ConfigKey WriteCompression() => Choice("compression", "How the file is compressed; taken from the extension (.gz, .zip, .bz2, .zst) when absent. xz cannot be written.", null, WriteCompressions);

    private static ConfigKey CompressionLevel() => Choice("compression_level", "How hard gzip, zip and zstd compress.", "fastest", "fastest", "optimal", "smallest_size", "no_compression");

    private static ConfigKey FileWriteMode() => Choice("write_mode", "Replace the file atomically, or append to it (a file has no key to merge by).", "replace", "replace", "append");

    private static ConfigKey TableWriteMode() => Choice("write_mode", "How the run's rows combine with the table's: append them, replace the table atomically, or merge (upsert) by the primary key.", "append", "append", "replace", "merge");

    private static ConfigKey PrimaryKey() => List("primary_key", "The fields that identify a row, for write_mode merge; defaults to the schema's primary key.", namesFields: true);

    private static ConfigKey EvolveSchema() => Flag("evolve_schema", "Add nullable columns of the schema that the existing table lacks, instead of failing.", false);

    private static ConfigKey CursorColumn() => new(
        "cursor_column", ConfigValueKind.String, "The column that orders rows for incremental reads (an updated_at or an increasing id); absent to read everything each run.")
    { NamesFields = true };

    private static ConfigKey KeyColumns() => List("key_columns", "The columns that identify a row, so rows sharing the last cursor value are neither lost nor read twice; defaults to the schema's primary key.", namesFields: true);

    private static ConfigKey Table(string role) => Text("table", role == "source" ? "The table to read; exclusive with query." : "The table; defaults to the schema's name.");

    private static ConfigKey Query() => Text("query", "A SELECT to read instead of a table; its columns match the schema's fields by name.");

    private static IReadOnlyList<ConfigKey> CsvDialect(string role) =>
    [
        Choice("encoding", role == "source" ? "The text encoding; a byte order mark is honoured, UTF-8 assumed otherwise." : "The text encoding.", "utf-8", Encodings),
        Character("delimiter", "The field separator.", ","),
        Character("quote", "The quote character.", "\""),
        Flag("has_header", role == "source" ? "Whether the first row names the columns; without one, columns are taken in schema order." : "Whether a new file starts with a header row.", true),
    ];

    private static IReadOnlyList<ConfigKey> PostgresConnection() =>
    [
        new("connection_string", ConfigValueKind.String, "A full Npgsql connection string; when set, host, port, database, username and the DB_* defaults are not used.") { IsSecret = true },
        new("host", ConfigValueKind.String, "The server's host name or address.") { Default = "localhost", EnvironmentVariable = "DB_HOST", NoEnvironmentDefaultWith = "connection_string" },
        new("port", ConfigValueKind.Integer, "The server's port.") { Default = 5432L, Minimum = 1, Maximum = 65535, EnvironmentVariable = "DB_PORT", NoEnvironmentDefaultWith = "connection_string" },
        new("database", ConfigValueKind.String, "The database.") { EnvironmentVariable = "DB_NAME", NoEnvironmentDefaultWith = "connection_string" },
        Text("schema", "The PostgreSQL schema (namespace) of the table.", "public"),
        new("username", ConfigValueKind.String, "The user name.") { EnvironmentVariable = "DB_USER", NoEnvironmentDefaultWith = "connection_string" },
        new("password", ConfigValueKind.String, "The password: give it as ${DB_PASSWORD}, never as a literal.") { IsSecret = true, EnvironmentVariable = "DB_PASSWORD", NoEnvironmentDefaultWith = "connection_string" },
        Choice("ssl_mode", "The SSL mode.", "prefer", "disable", "allow", "prefer", "require", "verify_ca", "verify_full"),
        Integer("connect_timeout_seconds", "Seconds to wait for a connection before the attempt fails (and is retried).", 15, minimum: 1),
        Integer("command_timeout_seconds", "Seconds a statement may run; 0 for no limit.", 300, minimum: 0),
    ];

    private static IReadOnlyList<ConfigKey> Join(params IReadOnlyList<ConfigKey>[] parts)
    {
        var all = new List<ConfigKey>();
        foreach (var part in parts)
        {
            all.AddRange(part);
        }

        return all;
    }

    /// <summary>The source types (<c>source.type</c>) and their <c>config</c> keys.</summary>
    public static AdapterFamily Sources { get; } = new("source", ConfigDiagnostics.UnknownSourceType,
    [
        new("csv", "A CSV file, or files matched by a glob; read incrementally by byte offset with a state file.", Join(
            [FilePath("source")],
            CsvDialect("source"),
            [
                Character("escape", "An escape character for files that escape instead of quoting (a\\,b); absent for RFC 4180 doubled quotes."),
                Flag("ignore_header_case", "Whether header names match field names without regard to case.", true),
                Flag("trim_whitespace", "Whether spaces and tabs around unquoted values are removed.", false),
                List("null_values", "Texts that mean null besides the empty field, such as NULL or \\N."),
                Text("culture", "The culture of numbers and dates (de-DE for 1.234,56); absent for the invariant culture and ISO-8601."),
                List("date_formats", "Exact formats of date fields, tried in order (dd.MM.yyyy)."),
                List("datetime_formats", "Exact formats of date-time and timestamp fields, tried in order."),
                List("time_formats", "Exact formats of time fields, tried in order."),
                ReadCompression(),
            ])),
        new("json", "A JSON file: one array of objects, or one object per line (.jsonl, .ndjson).", [
            FilePath("source"),
            Choice("format", "The layout; taken from the extension when absent (.jsonl and .ndjson are lines).", null, "array", "lines"),
            ReadCompression(),
            Flag("ignore_property_case", "Whether property names match field names without regard to case.", true),
        ]),
        new("jsonl", "A JSON Lines file (one object per line), read incrementally by byte offset with a state file.", [
            FilePath("source"),
            ReadCompression(),
            Flag("ignore_property_case", "Whether property names match field names without regard to case.", true),
        ]),
        new("sqlite", "A table or query of a SQLite database file, incrementally by a cursor column.", [
            Text("path", "The database file; it must exist. Relative paths are relative to the pipeline file.", required: true),
            Table("source"),
            Query(),
            CursorColumn(),
            KeyColumns(),
        ]),
        new("postgres", "A table or query of a PostgreSQL database, incrementally by a cursor column.", Join(
            PostgresConnection(),
            [Table("source"), Query(), CursorColumn(), KeyColumns()])),
    ]);

    /// <summary>The destination types (<c>destination.type</c>) and their <c>config</c> keys.</summary>
    public static AdapterFamily Destinations { get; } = new("destination", ConfigDiagnostics.UnknownDestinationType,
    [
        new("csv", "A CSV file, written to a temp file and published on commit.", Join(
            [FilePath("destination")],
            CsvDialect("destination"),
            [
                FileWriteMode(),
                WriteCompression(),
                CompressionLevel(),
                Text("null_value", "The text written for a null value (empty, which the CSV source reads as null).", ""),
                Choice("new_line", "The record separator: crlf as RFC 4180 says, or lf.", "crlf", "crlf", "lf"),
            ])),
        new("json", "A JSON file: one array of objects, or one object per line (.jsonl).", [
            FilePath("destination"),
            Choice("format", "The layout; taken from the extension when absent (.jsonl and .ndjson are lines).", null, "array", "lines"),
            Flag("pretty", "Indent the output (array format only).", false),
            FileWriteMode(),
            WriteCompression(),
            CompressionLevel(),
            Flag("export_schema", "Write the schema as JSON Schema 2020-12 beside the file when the run completes.", false),
            Text("schema_path", "Where the exported schema goes; defaults to <name>.schema.json beside the file."),
        ]),
        new("jsonl", "A JSON Lines file (one object per line), optionally compressed (.jsonl.gz).", [
            FilePath("destination"),
            FileWriteMode(),
            WriteCompression(),
            CompressionLevel(),
            Flag("export_schema", "Write the schema as JSON Schema 2020-12 beside the file when the run completes.", false),
            Text("schema_path", "Where the exported schema goes; defaults to <name>.schema.json beside the file."),
        ]),
        new("sqlite", "A table of a SQLite database file, written in transactions with the checkpoint.", [
            Text("path", "The database file; created when missing. Relative paths are relative to the pipeline file.", required: true),
            Table("destination"),
            TableWriteMode(),
            PrimaryKey(),
            EvolveSchema(),
            Integer("page_size", "The page size in bytes (a power of two) of a database file the run creates; an existing file keeps its own. Larger pages load faster.", 16384, minimum: 512, maximum: 65536),
        ]),
        new("postgres", "A table of a PostgreSQL database, loaded with binary COPY in transactions with the checkpoint.", Join(
            PostgresConnection(),
            [Table("destination"), TableWriteMode(), PrimaryKey(), EvolveSchema()])),
    ]);

    /// <summary>The transform types (<c>transforms[].type</c>) and their <c>config</c> keys.</summary>
    public static AdapterFamily Transforms { get; } = new("transform", ConfigDiagnostics.UnknownTransformType,
    [
        new("null_remover", "Drops rows with a null in the listed fields (every field when none are listed), or fills the nulls in (impute).", [
            Choice("strategy", "drop removes the row; impute fills each null in as 'impute' says.", "drop", "drop", "impute"),
            List("fields", "The fields checked; every field when absent.", namesFields: true),
            new("impute", ConfigValueKind.Dictionary, "For strategy impute: the method per field (mean, median, mode, or constant with fill_values).")
            {
                Values = Choice("method", "How a null is filled in.", null, "mean", "median", "mode", "constant"),
                NamesFields = true,
            },
            new("fill_values", ConfigValueKind.Dictionary, "For the constant method: the value per field.")
            {
                Values = new ConfigKey("value", ConfigValueKind.Scalar, "The value a null becomes."),
                NamesFields = true,
            },
        ]),
        new("quality_scorer", "Scores each row between 0 and 1 (completeness and validity against the schema's constraints) and rejects or drops those below min_score.", [
            Number("min_score", "Rows scoring below this are rejected or dropped.", 0.0, minimum: 0, maximum: 1),
            Number("completeness_weight", "The share of the score that completeness (non-null fields) makes; validity makes the rest.", 0.5, minimum: 0, maximum: 1),
            Choice("below_minimum", "reject sends a low-scoring row to the transform error policy (the dead-letter file by default) with its score and failed checks; drop filters it out.", "reject", "reject", "drop"),
        ]),
        new("deduplicator", "Drops rows whose key was seen before; resumes with its memory from the checkpoint.", [
            new("key_fields", ConfigValueKind.StringList, "The fields whose values together identify a row.") { Required = true, NamesFields = true },
            Choice("strategy", "Keep the first row of each key, or the last (keep_last needs a destination that merges on the same key).", "keep_first", "keep_first", "keep_last"),
            Integer("max_keys", "The most distinct keys keep_first remembers; past it the run fails rather than let duplicates through.", 10_000_000, minimum: 1),
        ]),
        new("select", "Keeps only the listed fields, in that order; the destination gets the narrower schema (its primary key when every key field is kept).", [
            new("fields", ConfigValueKind.StringList, "The fields to keep, in the order the destination gets them.") { Required = true, NamesFields = true },
        ]),
        new("rename", "Renames fields: each keeps its place, type and constraints under its new name, which the transforms after it and the destination use.", [
            new("fields", ConfigValueKind.Dictionary, "The new name of each field, by its current name.")
            {
                Values = new ConfigKey("new_name", ConfigValueKind.String, "The field's new name."),
                Required = true,
                NamesFields = true,
            },
        ]),
    ]);
}
