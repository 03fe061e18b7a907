using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AiEtl.Cli.Assist;
using AiEtl.Cli.Binding;
using AiEtl.Cli.Output;
using AiEtl.Configuration.Model;
using AiEtl.Csv;
using AiEtl.Json;

namespace AiEtl.Cli.Commands;

/// <summary>
/// <c>aietl scan &lt;file|pipeline.yaml&gt;</c>: which columns of a CSV, JSON or JSON Lines file (or of a pipeline's csv,
/// json, jsonl, sqlite or postgres source, read through the adapter <c>aietl run</c> binds) hold sensitive data, of which
/// kind, with the score and the evidence (<see cref="SensitiveDataScanner"/>); a value nested in a JSON field is a column
/// of its path (<see cref="JsonPathColumns"/>). <c>--output yaml</c> prints the schema with
/// <c>sensitive:</c> on the columns found, to paste under <c>pipeline.source</c> so the engine masks them. Exit codes:
/// 0 scanned, 1 the file or source cannot be read, 2 the pipeline is invalid.
/// </summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("file") { Description = "A CSV, JSON (.json) or JSON Lines (.jsonl, .ndjson) file, optionally compressed, or a pipeline YAML file whose source is csv, json, jsonl, sqlite or postgres." };
        var output = new Option<string>("--output") { Description = "text (a table), json (one object a column), or yaml (the inferred schema with sensitive: on the columns found, to paste under pipeline.source).", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json", "yaml");
        var sampleSize = new Option<int>("--sample-size") { Description = "Rows scanned from the start of the file.", DefaultValueFactory = _ => 1000 };
        var threshold = new Option<double>("--threshold") { Description = "The score from which a column is reported sensitive.", DefaultValueFactory = _ => 0.6 };
        var assist = new Option<bool>("--assist") { Description = "Ask a language model (OPENAI_API_KEY) about the columns the scan or the inference is unsure of, from a small masked sample; printed as comments, never applied (text and yaml output)." };
        var assistPrompt = new Option<bool>("--assist-prompt") { Description = "Print the masked prompt --assist would send, and send nothing." };
        var envFile = CommonOptions.EnvFile();
        var command = new Command("scan", "Find the columns that hold sensitive data (e-mail, phone, SSN, card, IBAN, IP, name, date of birth, address, national id).")
        {
            target, output, sampleSize, threshold, assist, assistPrompt, envFile,
        };
        command.SetAction((parse, cancellation) => Scan(
            parse.GetRequiredValue(target),
            parse.GetValue(output) ?? "text",
            new SensitiveScanOptions { SampleSize = Math.Max(1, parse.GetValue(sampleSize)), Threshold = parse.GetValue(threshold) },
            parse.GetValue(envFile),
            parse.GetValue(assist) ? AssistMode.Ask : parse.GetValue(assistPrompt) ? AssistMode.PromptOnly : AssistMode.Off,
            cancellation));
        return command;
    }

    private enum AssistMode
    {
        Off,
        Ask,
        PromptOnly,
    }

    private static async Task<int> Scan(string target, string output, SensitiveScanOptions options, string? envFile, AssistMode assist, CancellationToken cancellation)
    {
        if (assist != AssistMode.Off && output == "json")
        {
            Console.Error.WriteLine("aietl: --assist and --assist-prompt print comments, which JSON cannot hold: use --output text or yaml");
            return ExitCodes.Usage;
        }

        if (!File.Exists(target))
        {
            Console.Error.WriteLine($"aietl: {target}: no such file");
            return ExitCodes.RunFailed;
        }

        try
        {
            var scanned = await ScanTargetAsync(target, output, options, envFile, assist, cancellation);
            if (scanned.ExitCode is { } failed)
            {
                return failed;
            }

            if (assist != AssistMode.Off && scanned.Inference is null)
            {
                Console.Error.WriteLine($"aietl: {target}: --assist and --assist-prompt need a file source (CSV, JSON or JSON Lines): a database source has no inferred schema to ask about");
                return ExitCodes.Usage;
            }

            var found = scanned.Columns!;
            var columns = found.Columns;
            Console.Out.Write(output switch
            {
                "json" => Json(found),
                "yaml" when scanned.Declared is { } declared => MaskingSchemaYaml.Write(declared.Schema, declared.Name, declared.FromFile, found),
                "yaml" => scanned.Inference is { } inferred
                    ? MaskingSchemaYaml.Write(inferred.Schema, inferred.NullTokens, found)
                    : MaskingSchemaYaml.Write(scanned.Schema!, [], found),
                _ => Table(columns),
            });
            if (assist != AssistMode.Off)
            {
                // The prompt pairs the scan with the inference's columns, which are the fields: one scan a field.
                await ColumnAssist.WriteAsync(scanned.Inference!, found.ByField(), assist == AssistMode.PromptOnly, cancellation);
            }
        }
        catch (EtlException error)
        {
            Console.Error.WriteLine($"aietl: {target}: {error.Message}");
            return ExitCodes.RunFailed;
        }

        return ExitCodes.Success;
    }

    // What a scan found, and the schema the yaml output adds sensitive: to; or the exit code of a target that cannot be scanned.
    private sealed record ScanResult(ScannedColumns? Columns, SchemaInferenceResult? Inference = null, Schema? Schema = null, int? ExitCode = null)
    {
        public DeclaredSchema? Declared { get; init; }
    }

    // A pipeline's declared schema, which the yaml output prints as declared rather than a freshly inferred one.
    private sealed record DeclaredSchema(RowSchemaDeclaration Schema, string Name, bool FromFile);

    private static async Task<ScanResult> ScanTargetAsync(string target, string output, SensitiveScanOptions options, string? envFile, AssistMode assist, CancellationToken cancellation)
    {
        var inferring = output == "yaml" || assist != AssistMode.Off;
        var inference = new SchemaInferenceOptions { SampleSize = options.SampleSize };
        if (Path.GetExtension(target).ToLowerInvariant() is ".yaml" or ".yml")
        {
            var config = CommonOptions.Load(target, envFile, null, Console.Error).Configuration;
            if (config is null)
            {
                return new ScanResult(null, ExitCode: ExitCodes.ConfigurationInvalid);
            }

            var declared = config.Source.Schema is { } schema ? new DeclaredSchema(schema, config.Name, config.Source.SchemaOrigin == SchemaOrigin.File) : null;
            var scanned = await ScanPipelineAsync(target, config, options, assist != AssistMode.Off || (output == "yaml" && declared is null), cancellation);
            return scanned with { Declared = declared };
        }

        if (SchemaCommand.IsJson(target))
        {
            // The inference names the fields (every top-level property of the sampled rows); the scan flattens what is nested in them.
            var json = new JsonSourceOptions(Path.GetFullPath(target));
            var inferred = JsonSchemaInference.Analyze(json, inference);
            return new ScanResult(await RecordScan.ScanJsonAsync(json, inferred, options, cancellation), inferred);
        }

        var csv = new CsvSourceOptions(target);
        return new ScanResult(ScannedColumns.Flat(SensitiveDataScanner.ScanCsv(csv, options)), inferring ? CsvSchemaInference.Analyze(csv, inference) : null);
    }

    private static async Task<ScanResult> ScanPipelineAsync(string target, PipelineConfiguration config, SensitiveScanOptions options, bool inferring, CancellationToken cancellation)
    {
        var type = config.Source.Adapter.Type;
        var problems = new BindingProblems(target);
        var inference = new SchemaInferenceOptions { SampleSize = options.SampleSize };
        if (type == "csv")
        {
            var csv = PipelineBinder.CsvOptions(config, problems);
            if (csv is null || problems.Any)
            {
                DiagnosticPrinter.Print(Console.Error, problems.Items);
                return new ScanResult(null, ExitCode: ExitCodes.ConfigurationInvalid);
            }

            return new ScanResult(ScannedColumns.Flat(SensitiveDataScanner.ScanCsv(csv, options)), inferring ? CsvSchemaInference.Analyze(csv, inference) : null);
        }

        if (type is not ("json" or "jsonl" or "sqlite" or "postgres"))
        {
            Console.Error.WriteLine($"aietl: {target}: scanning a {type} source is not supported yet (csv, json, jsonl, sqlite and postgres are)");
            return new ScanResult(null, ExitCode: ExitCodes.RunFailed);
        }

        // The schema aietl run would read with (declared, inferred, or the database's catalog), and the source it binds:
        // a JSON source hands over each value's JSON text, so that what is nested in it can be scanned by path.
        var json = type is "json" or "jsonl";
        var resolved = await SchemaBinder.ResolveAsync(config, problems, cancellation);
        var text = resolved is null ? null : json ? RecordScan.AsJson(resolved.Schema) : RecordScan.AsText(resolved.Schema);
        var source = text is null || problems.Any ? null : PipelineBinder.SourceFor(config, text, null, problems);
        if (source is null || problems.Any)
        {
            DiagnosticPrinter.Print(Console.Error, problems.Items);
            return new ScanResult(null, ExitCode: ExitCodes.ConfigurationInvalid);
        }

        var columns = json ? await RecordScan.ScanJsonAsync(source, text!, options, cancellation) : await RecordScan.ScanAsync(source, text!, options, cancellation);
        var inferred = inferring && json ? JsonSchemaInference.Analyze(PipelineBinder.JsonOptions(config), inference) : null;
        return new ScanResult(columns, inferred, resolved!.Schema);
    }

    private static string Table(IReadOnlyList<SensitiveColumn> columns)
    {
        var width = Math.Max("column".Length, columns.Count == 0 ? 0 : columns.Max(c => c.Name.Length));
        var text = new StringBuilder();
        text.Append("column".PadRight(width)).Append("  kind           score  evidence\n");
        foreach (var column in columns)
        {
            var kind = column.IsSensitive ? column.Kind.ToString() : "-";
            text.Append(column.Name.PadRight(width)).Append("  ").Append(kind.PadRight(13)).Append("  ")
                .Append(column.Score.ToString("0.00", CultureInfo.InvariantCulture)).Append("   ").Append(column.Evidence).Append('\n');
        }

        var sensitive = columns.Count(c => c.IsSensitive);
        text.Append(CultureInfo.InvariantCulture, $"{sensitive} of {columns.Count} columns hold sensitive data\n");
        return text.ToString();
    }

    private static string Json(ScannedColumns scan)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("columns");
            for (var i = 0; i < scan.Columns.Count; i++)
            {
                var column = scan.Columns[i];
                writer.WriteStartObject();
                writer.WriteString("name", column.Name);

                // The field the engine reads and masks the column's values with: the column itself, or the JSON field it is nested in.
                writer.WriteString("field", scan.Fields[i]);
                writer.WriteBoolean("sensitive", column.IsSensitive);
                writer.WriteString("kind", column.IsSensitive ? ToSnakeCase(column.Kind.ToString()) : null);
                writer.WriteNumber("score", column.Score);
                writer.WriteNumber("valid_share", Math.Round(column.ValidShare, 4));
                writer.WriteNumber("pattern_share", Math.Round(column.PatternShare, 4));
                writer.WriteBoolean("name_context", column.NameContext);
                writer.WriteNumber("values", column.Values);
                writer.WriteString("evidence", column.Evidence);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string ToSnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
