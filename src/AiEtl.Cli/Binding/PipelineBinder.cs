using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using AiEtl.Configuration.Diagnostics;
using AiEtl.Configuration.Model;
using AiEtl.Csv;
using AiEtl.Json;
using AiEtl.Postgres;
using AiEtl.Sqlite;

namespace AiEtl.Cli.Binding;

/// <summary>
/// Binds a validated <see cref="PipelineConfiguration"/> to the runtime: the dynamic-row (<see cref="Record"/>) source,
/// transforms and destination, and the <see cref="PipelineOptions"/>. What the configuration allows but the engine
/// cannot do yet is reported as AIETL1024 rather than ignored. Relative paths are resolved against the pipeline file's folder.
/// </summary>
internal static class PipelineBinder
{
    public static async Task<(BoundPipeline? Pipeline, IReadOnlyList<ConfigDiagnostic> Problems)> BindAsync(
        PipelineConfiguration config, RunSettings settings, CancellationToken cancellationToken)
    {
        var problems = new BindingProblems(config.FilePath);
        var resolved = await SchemaBinder.ResolveAsync(config, problems, cancellationToken).ConfigureAwait(false);
        if (resolved is null || problems.Any)
        {
            return (null, problems.Items);
        }

        var schema = WithDestinationKey(resolved.Schema, config.Destination.Adapter.Config);
        var source = SourceFor(config, schema, resolved.CsvReadOptions, problems);
        var (transforms, output) = TransformsFor(config, schema, problems);
        var destination = problems.Any ? null : DestinationFor(config, output, problems);
        var options = OptionsFor(config, settings, problems);
        if (problems.Any || source is null || destination is null || options is null)
        {
            return (null, problems.Items);
        }

        return (new BoundPipeline
        {
            Name = config.Name,
            Source = source,
            Transforms = transforms,
            Destination = destination,
            Options = options,
            Schema = schema,
            CsvReadOptions = config.Source.Adapter.Type == "csv" ? resolved.CsvReadOptions ?? CsvOptions(config, new BindingProblems(config.FilePath)) : null,
            StateLocation = options.State?.StateFile ?? options.State?.StateDirectory,
        }, problems.Items);
    }

    public static string FullPath(PipelineConfiguration config, string path) => Path.GetFullPath(Path.Combine(config.BaseDirectory, path));

    /// <summary>The dead-letter file: <c>error_handling.dead_letter_queue</c>, else the engine's default under the working directory.</summary>
    public static string DeadLetterPath(PipelineConfiguration config) =>
        Path.GetFullPath(config.ErrorHandling.DeadLetterQueue is { } dlq ? FullPath(config, dlq) : ErrorHandlingOptions.DefaultDeadLetterPath(config.Name));

    /// <summary>Where the run keeps its state: the seed's <c>state_file</c> itself, else a file under <c>LOCAL_STATE_PATH</c>, else nowhere.</summary>
    public static StateManager? StateManager(PipelineConfiguration config) =>
        config.Source.StateFile is { } file ? AiEtl.StateManager.ForFile(FullPath(config, file))
        : config.StateDirectory is { } directory ? new StateManager(FullPath(config, directory))
        : null;

    private static Schema WithDestinationKey(Schema schema, ConfigSection destination)
    {
        var key = destination.GetList("primary_key");
        return key.Count > 0 ? schema with { PrimaryKey = key } : schema;
    }

    internal static ISource<Record>? SourceFor(PipelineConfiguration config, Schema schema, CsvSourceOptions? csvReadOptions, BindingProblems problems)
    {
        var adapter = config.Source.Adapter;
        var c = adapter.Config;
        var path = c.GetString("path") is { } p ? FullPath(config, p) : "";
        switch (adapter.Type)
        {
            case "csv":
                var csv = csvReadOptions ?? CsvOptions(config, problems);
                return csv is null ? null : new CsvSource<Record, RecordCodec>(csv, Codec(schema, "csv", csv.Path));
            case "json":
            case "jsonl":
                return new JsonSource<Record, RecordCodec>(JsonOptions(config), Codec(schema, adapter.Type, path));
            case "sqlite":
                return new SqliteSource<Record, RecordCodec>(SqliteOptions(config), Codec(schema, "sqlite", path));
            case "postgres":
                return PostgresSourceFor(c, schema);
            default:
                problems.NotSupported(c, "type", "the source type '" + adapter.Type + "'");
                return null;
        }
    }

    // The PostgreSQL parts are made in methods of their own, so that compiling SourceFor and DestinationFor does not load
    // AiEtl.Postgres and Npgsql (the options hold its SslMode) for the pipelines that never connect to PostgreSQL.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ISource<Record> PostgresSourceFor(ConfigSection c, Schema schema)
    {
        var postgres = PostgresSourceOptions(c);
        return new PostgresSource<Record, RecordCodec>(postgres, Codec(schema, "postgres", postgres.Table ?? "query"));
    }

    internal static JsonSourceOptions JsonOptions(PipelineConfiguration config)
    {
        var adapter = config.Source.Adapter;
        var c = adapter.Config;
        return new JsonSourceOptions(c.GetString("path") is { } path ? FullPath(config, path) : "")
        {
            Format = adapter.Type == "jsonl" ? JsonFormat.Lines : c.GetString("format") switch { "array" => JsonFormat.Array, "lines" => JsonFormat.Lines, _ => null },
            Compression = Compression(c.GetString("compression")),
            IgnorePropertyCase = c.GetBoolean("ignore_property_case") ?? true,
        };
    }

    internal static CsvSourceOptions? CsvOptions(PipelineConfiguration config, BindingProblems problems)
    {
        var c = config.Source.Adapter.Config;
        CultureInfo? culture = null;
        if (c.GetString("culture") is { } name)
        {
            try
            {
                culture = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            }
            catch (CultureNotFoundException)
            {
                problems.Invalid(c, "culture", "the culture '" + name + "' is not available to this build (it runs with invariant globalization); write numbers and dates in the invariant form, or give date_formats");
                return null;
            }
        }

        return new CsvSourceOptions(FullPath(config, c.GetString("path") ?? ""))
        {
            Encoding = c.Has("encoding") ? EncodingOf(c.GetString("encoding")) : null,
            Delimiter = Char(c, "delimiter", ','),
            Quote = Char(c, "quote", '"'),
            Escape = c.GetString("escape") is { Length: 1 } escape ? escape[0] : null,
            HasHeader = c.GetBoolean("has_header") ?? true,
            IgnoreHeaderCase = c.GetBoolean("ignore_header_case") ?? true,
            TrimWhitespace = c.GetBoolean("trim_whitespace") ?? false,
            NullValues = c.GetList("null_values"),
            Culture = culture,
            DateFormats = c.GetList("date_formats"),
            DateTimeFormats = c.GetList("datetime_formats"),
            TimeFormats = c.GetList("time_formats"),
            Compression = Compression(c.GetString("compression")),
        };
    }

    internal static SqliteSourceOptions SqliteOptions(PipelineConfiguration config)
    {
        var c = config.Source.Adapter.Config;
        return new SqliteSourceOptions(FullPath(config, c.GetString("path") ?? ""))
        {
            Table = c.GetString("table"),
            Query = c.GetString("query"),
            CursorColumn = c.GetString("cursor_column"),
            KeyColumns = c.Has("key_columns") ? c.GetList("key_columns") : null,
        };
    }

    internal static PostgresSourceOptions PostgresSourceOptions(ConfigSection c) => new()
    {
        ConnectionString = c.GetString("connection_string"),
        Host = c.GetString("host") ?? "localhost",
        Port = (int)(c.GetInt64("port") ?? 5432),
        Database = c.GetString("database"),
        Schema = c.GetString("schema") ?? "public",
        Username = c.GetString("username"),
        Password = c.GetString("password"),
        SslMode = SslModeOf(c.GetString("ssl_mode")),
        ConnectTimeoutSeconds = (int)(c.GetInt64("connect_timeout_seconds") ?? 15),
        CommandTimeoutSeconds = (int)(c.GetInt64("command_timeout_seconds") ?? 300),
        Table = c.GetString("table"),
        Query = c.GetString("query"),
        CursorColumn = c.GetString("cursor_column"),
        KeyColumns = c.Has("key_columns") ? c.GetList("key_columns") : null,
    };

    private static IDestination<Record>? DestinationFor(PipelineConfiguration config, Schema schema, BindingProblems problems)
    {
        var adapter = config.Destination.Adapter;
        var c = adapter.Config;
        var path = c.GetString("path") is { } p ? FullPath(config, p) : "";
        var schemaMode = SchemaModeOf(config.Destination.SchemaMode);
        var codec = Codec(schema, adapter.Type, path);
        var root = config.Root.GetSection("pipeline").GetSection("destination");
        switch (adapter.Type)
        {
            case "csv":
                return new CsvDestination<Record, RecordCodec>(new CsvDestinationOptions(path)
                {
                    Delimiter = Char(c, "delimiter", ','),
                    Quote = Char(c, "quote", '"'),
                    Encoding = c.Has("encoding") ? EncodingOf(c.GetString("encoding")) : null,
                    HasHeader = c.GetBoolean("has_header") ?? true,
                    WriteMode = WriteModeOf(c.GetString("write_mode")),
                    Compression = Compression(c.GetString("compression")),
                    CompressionLevel = LevelOf(c.GetString("compression_level")),
                    NullValue = c.GetString("null_value") ?? "",
                    NewLine = c.GetString("new_line") == "lf" ? "\n" : "\r\n",
                    SchemaMode = schemaMode,
                }, codec);
            case "json":
            case "jsonl":
                return new JsonDestination<Record, RecordCodec>(new JsonDestinationOptions(path)
                {
                    Format = adapter.Type == "jsonl" ? JsonFormat.Lines : c.GetString("format") switch { "array" => JsonFormat.Array, "lines" => JsonFormat.Lines, _ => null },
                    Pretty = c.GetBoolean("pretty") ?? false,
                    WriteMode = WriteModeOf(c.GetString("write_mode")),
                    Compression = Compression(c.GetString("compression")),
                    CompressionLevel = LevelOf(c.GetString("compression_level")),
                    ExportSchema = c.GetBoolean("export_schema") ?? false,
                    SchemaPath = c.GetString("schema_path") is { } schemaPath ? FullPath(config, schemaPath) : null,
                    SchemaMode = schemaMode,
                }, codec);
            case "sqlite":
                return new SqliteDestination<Record, RecordCodec>(new SqliteDestinationOptions(path)
                {
                    Table = c.GetString("table"),
                    SchemaMode = schemaMode,
                    WriteMode = WriteModeOf(c.GetString("write_mode")),
                    EvolveSchema = c.GetBoolean("evolve_schema") ?? false,
                    PageSize = (int)(c.GetInt64("page_size") ?? SqliteDestinationOptions.DefaultPageSize),
                }, codec);
            case "postgres":
                return PostgresDestinationFor(c, schemaMode, codec);
            default:
                problems.NotSupported(root, "type", "the destination type '" + adapter.Type + "'");
                return null;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IDestination<Record> PostgresDestinationFor(ConfigSection c, SchemaMode schemaMode, RecordCodec codec) =>
        new PostgresDestination<Record, RecordCodec>(new PostgresDestinationOptions
        {
            ConnectionString = c.GetString("connection_string"),
            Host = c.GetString("host") ?? "localhost",
            Port = (int)(c.GetInt64("port") ?? 5432),
            Database = c.GetString("database"),
            Schema = c.GetString("schema") ?? "public",
            Username = c.GetString("username"),
            Password = c.GetString("password"),
            SslMode = SslModeOf(c.GetString("ssl_mode")),
            ConnectTimeoutSeconds = (int)(c.GetInt64("connect_timeout_seconds") ?? 15),
            CommandTimeoutSeconds = (int)(c.GetInt64("command_timeout_seconds") ?? 300),
            Table = c.GetString("table"),
            SchemaMode = schemaMode,
            WriteMode = WriteModeOf(c.GetString("write_mode")),
            EvolveSchema = c.GetBoolean("evolve_schema") ?? false,
        }, codec);

    // The transforms, and the schema the last of them passes on (the destination's).
    private static (List<Transform<Record>> Transforms, Schema Output) TransformsFor(PipelineConfiguration config, Schema schema, BindingProblems problems)
    {
        var transforms = new List<Transform<Record>>();
        if (config.Source.SchemaOrigin != SchemaOrigin.Inferred && SchemaConversion.HasConstraints(schema))
        {
            // A declared schema's constraints (range, pattern, allowed values, not null) are checked on every row.
            transforms.Add(new RecordValidator(schema));
        }

        var names = schema.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var transform in config.Transforms)
        {
            var c = transform.Config;
            foreach (var field in NamedFields(transform))
            {
                if (!names.Contains(field.Name))
                {
                    problems.Invalid(c, field.Key, "the field '" + field.Name + "' is not among the fields this transform receives: " + string.Join(", ", names));
                }
            }

            switch (transform.Type)
            {
                case "null_remover":
                    transforms.Add(c.GetString("strategy") == "impute" ? new RecordNullImputer(ImputeRules(c)) : new RecordNullRemover(c.GetList("fields")));
                    break;
                case "quality_scorer":
                    transforms.Add(new RecordQualityScorer(
                        new QualityScorerOptions
                        {
                            MinScore = c.GetDouble("min_score") ?? 0,
                            CompletenessWeight = c.GetDouble("completeness_weight") ?? 0.5,
                            BelowMinimum = c.GetString("below_minimum") == "drop" ? LowQualityAction.Drop : LowQualityAction.Reject,
                        },
                        schema));
                    break;
                case "select":
                    transforms.Add(new RecordSelect(c.GetList("fields")));
                    break;
                case "rename":
                    transforms.Add(new RecordRename(c.GetDictionary("fields").ToDictionary(f => f.Key, f => f.Value.Value?.ToString() ?? f.Key, StringComparer.Ordinal)));
                    break;
                case "deduplicator":
                    transforms.Add(new RecordDeduplicator(c.GetList("key_fields"), new DeduplicatorOptions
                    {
                        Strategy = c.GetString("strategy") == "keep_last" ? DuplicateStrategy.KeepLast : DuplicateStrategy.KeepFirst,
                        MaxKeys = (int)Math.Min(int.MaxValue, c.GetInt64("max_keys") ?? DeduplicatorOptions.DefaultMaxKeys),
                    }));
                    break;
                default:
                    problems.NotSupported(transform.Position, transform.Path + ".type", "the transform '" + transform.Type + "'");
                    break;
            }

            // The transforms after a select or a rename see the fields it passes on.
            if (transform.Type is "select" or "rename" && !problems.Any)
            {
                schema = transforms[^1].OutputSchema(schema);
                names = schema.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            }
        }

        return (transforms, schema);
    }

    private static List<ImputeRule> ImputeRules(ConfigSection config)
    {
        var fill = config.GetDictionary("fill_values");
        return [.. config.GetDictionary("impute").Select(rule => new ImputeRule(rule.Key, rule.Value.Value switch
        {
            "mean" => ImputeMethod.Mean,
            "median" => ImputeMethod.Median,
            "mode" => ImputeMethod.Mode,
            _ => ImputeMethod.Constant,
        })
        {
            Constant = fill.TryGetValue(rule.Key, out var constant) ? constant.Value : null,
        })];
    }

    private static IEnumerable<(string Key, string Name)> NamedFields(AdapterSettings transform)
    {
        foreach (var setting in transform.Config.Settings)
        {
            if (!setting.Value.Key.NamesFields)
            {
                continue;
            }

            switch (setting.Value.Value)
            {
                case IReadOnlyList<string> list:
                    foreach (var name in list)
                    {
                        yield return (setting.Key, name);
                    }

                    break;
                case IReadOnlyDictionary<string, ConfigSetting> dictionary:
                    foreach (var name in dictionary.Keys)
                    {
                        yield return (setting.Key, name);
                    }

                    break;
            }
        }
    }

    private static PipelineOptions? OptionsFor(PipelineConfiguration config, RunSettings settings, BindingProblems problems)
    {
        var retry = config.Execution.RetryPolicy;
        var masking = config.Masking;
        return new PipelineOptions
        {
            BatchSize = config.Execution.BatchSize,
            MaxWorkers = config.Execution.MaxWorkers,
            CommitEvery = config.Execution.CommitEvery,
            BatchesInFlight = config.Execution.BatchesInFlight,
            Timeout = config.Execution.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            ErrorHandling = new ErrorHandlingOptions
            {
                OnExtractError = ActionOf(config.ErrorHandling.OnExtractError),
                OnTransformError = ActionOf(config.ErrorHandling.OnTransformError),
                OnLoadError = ActionOf(config.ErrorHandling.OnLoadError),
                DeadLetterPath = config.ErrorHandling.DeadLetterQueue is { } dlq ? FullPath(config, dlq) : null,
            },
            RetryPolicy = new RetryPolicy
            {
                MaxRetries = retry.MaxRetries,
                BackoffMultiplier = retry.BackoffMultiplier,
                MaxBackoffSeconds = retry.MaxBackoffSeconds,
                RetryableExceptions = retry.RetryableErrors.Count == 0 ? null : [.. retry.RetryableErrors.Select(ErrorTypeOf)],
            },
            State = StateManager(config),
            FullRefresh = settings.FullRefresh,
            Progress = settings.Progress,
            LoggerFactory = settings.LoggerFactory,
            Masking = new MaskingOptions
            {
                Enabled = masking.Enabled,
                Strategy = masking.Strategy switch { "redact" => MaskingStrategy.Redact, "keyed_hash" => MaskingStrategy.KeyedHash, _ => MaskingStrategy.Partial },
                HashKey = masking.HashKey is { } key ? Encoding.UTF8.GetBytes(key) : default,
                MaskDeadLetterRows = masking.MaskDeadLetterRows,
            },
        };
    }

    internal static RecordCodec Codec(Schema schema, string type, string id) => new(schema, new RecordMetadata(type, id));

    private static char Char(ConfigSection c, string key, char fallback) => c.GetString(key) is { Length: 1 } text ? text[0] : fallback;

    private static Encoding? EncodingOf(string? name) => name switch
    {
        "utf-8" => new UTF8Encoding(false),
        "utf-8-bom" => new UTF8Encoding(true),
        "utf-16" or "utf-16le" => Encoding.Unicode,
        "utf-16be" => Encoding.BigEndianUnicode,
        "utf-32" => Encoding.UTF32,
        "ascii" => Encoding.ASCII,
        "latin1" => Encoding.Latin1,
        _ => null,
    };

    private static FileCompression? Compression(string? name) => name switch
    {
        "none" => FileCompression.None,
        "gzip" => FileCompression.Gzip,
        "zip" => FileCompression.Zip,
        "bzip2" => FileCompression.Bzip2,
        "xz" => FileCompression.Xz,
        "zstd" => FileCompression.Zstd,
        _ => null,
    };

    private static CompressionLevel LevelOf(string? name) => name switch
    {
        "optimal" => CompressionLevel.Optimal,
        "smallest_size" => CompressionLevel.SmallestSize,
        "no_compression" => CompressionLevel.NoCompression,
        _ => CompressionLevel.Fastest,
    };

    private static WriteMode WriteModeOf(string? name) => name switch
    {
        "replace" => WriteMode.Replace,
        "merge" => WriteMode.Merge,
        _ => WriteMode.Append,
    };

    private static SchemaMode SchemaModeOf(string name) => name switch
    {
        "fail_if_missing" => SchemaMode.FailIfMissing,
        "drop_and_create" => SchemaMode.DropAndCreate,
        _ => SchemaMode.CreateIfMissing,
    };

    private static ErrorAction ActionOf(string name) => name switch
    {
        "skip" => ErrorAction.Skip,
        "retry" => ErrorAction.Retry,
        _ => ErrorAction.Fail,
    };

    private static Npgsql.SslMode SslModeOf(string? name) => name switch
    {
        "disable" => Npgsql.SslMode.Disable,
        "allow" => Npgsql.SslMode.Allow,
        "require" => Npgsql.SslMode.Require,
        "verify_ca" => Npgsql.SslMode.VerifyCA,
        "verify_full" => Npgsql.SslMode.VerifyFull,
        _ => Npgsql.SslMode.Prefer,
    };

    private static Type ErrorTypeOf(string name) => name switch
    {
        "connection" => typeof(ConnectionFailedException),
        "read" => typeof(ReadException),
        "write" => typeof(WriteException),
        "schema" => typeof(SchemaException),
        "state" => typeof(StateException),
        _ => typeof(TransformException),
    };
}
