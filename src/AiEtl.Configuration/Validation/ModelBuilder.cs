using System.Collections.Generic;
using System.IO;
using System.Linq;
using AiEtl.Configuration.Diagnostics;
using AiEtl.Configuration.Env;
using AiEtl.Configuration.Model;
using AiEtl.Configuration.Schema;

namespace AiEtl.Configuration.Validation;

/// <summary>Turns the validated sections into the typed model, with the catalog's defaults, and reads the declared row schema.</summary>
internal static class ModelBuilder
{
    public static PipelineConfiguration Build(ConfigSection root, string filePath, ConfigEnvironment environment, DiagnosticBag diagnostics, bool readSchemaFile = true)
    {
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(filePath)) ?? "";
        var pipeline = root.GetSection("pipeline");
        var execution = pipeline.GetSection("execution");
        var retry = execution.GetSection("retry_policy");
        var source = pipeline.GetSection("source");
        var destination = pipeline.GetSection("destination");
        var monitoring = pipeline.GetSection("monitoring");
        var errors = pipeline.GetSection("error_handling");
        var masking = pipeline.GetSection("masking");
        var inference = source.GetSection("inference");

        var transforms = new List<AdapterSettings>();
        foreach (var transform in pipeline.GetSections("transforms"))
        {
            transforms.Add(Adapter(transform));
        }

        var (origin, schema) = ReadSchema(source, baseDirectory, diagnostics, readSchemaFile);
        return new PipelineConfiguration
        {
            FilePath = filePath,
            BaseDirectory = baseDirectory,
            Name = pipeline.GetString("name") ?? "",
            Description = pipeline.GetString("description"),
            Version = pipeline.GetString("version") ?? "1.0",
            Execution = new ExecutionSettings
            {
                BatchSize = Int(execution, "batch_size"),
                MaxWorkers = Int(execution, "max_workers"),
                TimeoutSeconds = execution.GetDouble("timeout_seconds"),
                CommitEvery = execution.GetInt64("commit_every") is { } commitEvery ? (int)System.Math.Min(int.MaxValue, commitEvery) : null,
                BatchesInFlight = Int(execution, "batches_in_flight"),
                RetryPolicy = new RetrySettings
                {
                    MaxRetries = Int(retry, "max_retries"),
                    BackoffMultiplier = retry.GetDouble("backoff_multiplier") ?? 2.0,
                    MaxBackoffSeconds = retry.GetDouble("max_backoff_seconds") ?? 60.0,
                    RetryableErrors = retry.GetList("retryable_errors"),
                },
            },
            Source = new SourceSettings
            {
                Adapter = Adapter(source),
                StateFile = source.GetString("state_file"),
                Record = source.GetString("record"),
                SchemaOrigin = origin,
                Schema = schema,
                SchemaFile = source.GetString("schema_file"),
                InferenceSampleSize = Int(inference, "sample_size"),
                InferenceMinConfidence = inference.GetDouble("min_confidence") ?? 0.95,
            },
            Transforms = transforms,
            Destination = new DestinationSettings
            {
                Adapter = Adapter(destination),
                SchemaMode = destination.GetString("schema_mode") ?? "create_if_missing",
            },
            Monitoring = new MonitoringSettings
            {
                LogLevel = monitoring.GetString("log_level") ?? "INFO",
                LogFormat = monitoring.GetString("log_format") ?? "text",
                MetricsEnabled = monitoring.GetBoolean("metrics_enabled") ?? true,
                ProgressIntervalSeconds = monitoring.GetDouble("progress_interval_seconds") ?? 5.0,
            },
            ErrorHandling = new ErrorHandlingSettings
            {
                OnExtractError = errors.GetString("on_extract_error") ?? "fail",
                OnTransformError = errors.GetString("on_transform_error") ?? "skip",
                OnLoadError = errors.GetString("on_load_error") ?? "fail",
                DeadLetterQueue = errors.GetString("dead_letter_queue"),
            },
            Masking = new MaskingSettings
            {
                Enabled = masking.GetBoolean("enabled") ?? true,
                Strategy = masking.GetString("strategy") ?? "partial",
                HashKey = masking.GetString("hash_key"),
                MaskDeadLetterRows = masking.GetBoolean("mask_dead_letter_rows") ?? false,
            },
            StateDirectory = source.Has("state_file") ? null : environment.Lookup("LOCAL_STATE_PATH"),
            Root = root,
        };
    }

    private static AdapterSettings Adapter(ConfigSection section) => new()
    {
        Type = section.GetString("type") ?? "",
        Config = section.GetSection("config"),
        Path = section.Path,
        Position = section.Position,
    };

    private static int Int(ConfigSection section, string name) => (int)System.Math.Min(int.MaxValue, section.GetInt64(name) ?? 0);

    private static (SchemaOrigin Origin, RowSchemaDeclaration? Schema) ReadSchema(ConfigSection source, string baseDirectory, DiagnosticBag diagnostics, bool readFile)
    {
        if (source.Get("schema") is ConfigSection inline)
        {
            return (SchemaOrigin.Inline, Inline(inline));
        }

        if (source.GetString("schema_file") is { } file)
        {
            var schema = !readFile ? null : SchemaFileReader.Read(Path.Combine(baseDirectory, file), file, source.PositionOf("schema_file"), source.PathOf("schema_file"), diagnostics);
            return (SchemaOrigin.File, schema);
        }

        return (SchemaOrigin.Inferred, null);
    }

    private static RowSchemaDeclaration Inline(ConfigSection schema)
    {
        var fields = new List<FieldDeclaration>();
        var marked = new List<string>();
        foreach (var field in schema.GetSections("fields"))
        {
            var name = field.GetString("name") ?? "";
            var primaryKey = field.GetBoolean("primary_key") ?? false;
            if (primaryKey)
            {
                marked.Add(name);
            }

            fields.Add(new FieldDeclaration
            {
                Name = name,
                Type = field.GetString("type") ?? "string",
                ElementType = field.GetString("element_type"),
                // A key field is not nullable unless the file says so (which the semantic checks refuse).
                Nullable = field.Has("nullable") ? field.GetBoolean("nullable") ?? true : !primaryKey,
                Description = field.GetString("description"),
                MinValue = field.Get("min_value"),
                MaxValue = field.Get("max_value"),
                Pattern = field.GetString("pattern"),
                EnumValues = field.Has("enum_values") ? field.GetList("enum_values") : null,
                PrimaryKey = primaryKey,
                Sensitive = field.GetString("sensitive") ?? "none",
                SensitivePaths = [.. field.GetDictionary("sensitive_paths").Select(p => new KeyValuePair<string, string>(p.Key, (string)p.Value.Value))],
                Position = field.Position,
            });
        }

        var listed = schema.GetList("primary_key");
        return new RowSchemaDeclaration
        {
            Name = schema.GetString("name"),
            Fields = fields,
            PrimaryKey = listed.Count > 0 ? listed : marked,
        };
    }
}
