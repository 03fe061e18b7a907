using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AiEtl.Cli.Assist;
using AiEtl.Cli.Binding;
using AiEtl.Cli.Output;
using AiEtl.Csv;

namespace AiEtl.Cli.Commands;

/// <summary>
/// <c>aietl scan &lt;file|pipeline.yaml&gt;</c>: which columns of a CSV file (or of a pipeline's CSV source) hold sensitive
/// data, of which kind, with the score and the evidence (<see cref="SensitiveDataScanner"/>); <c>--output yaml</c> prints the
/// inferred schema with <c>sensitive:</c> on the columns found, to paste under <c>pipeline.source</c> so the engine masks
/// them. Exit codes: 0 scanned, 1 the file cannot be read or is not CSV, 2 the pipeline is invalid.
/// </summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("file") { Description = "A CSV file (optionally compressed), or a pipeline YAML file whose source is CSV." };
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

        CsvSourceOptions? csv;
        if (Path.GetExtension(target).ToLowerInvariant() is ".yaml" or ".yml")
        {
            var config = CommonOptions.Load(target, envFile, null, Console.Error).Configuration;
            if (config is null)
            {
                return ExitCodes.ConfigurationInvalid;
            }

            if (config.Source.Adapter.Type != "csv")
            {
                Console.Error.WriteLine($"aietl: {target}: scanning a {config.Source.Adapter.Type} source is not supported yet (only csv)");
                return ExitCodes.RunFailed;
            }

            var problems = new BindingProblems(target);
            csv = PipelineBinder.CsvOptions(config, problems);
            if (csv is null || problems.Any)
            {
                DiagnosticPrinter.Print(Console.Error, problems.Items);
                return ExitCodes.ConfigurationInvalid;
            }
        }
        else if (SchemaCommand.IsJson(target))
        {
            Console.Error.WriteLine($"aietl: {target}: scanning JSON files is not supported yet (only CSV)");
            return ExitCodes.RunFailed;
        }
        else
        {
            csv = new CsvSourceOptions(target);
        }

        try
        {
            var columns = SensitiveDataScanner.ScanCsv(csv, options);
            var inference = output == "yaml" || assist != AssistMode.Off ? CsvSchemaInference.Analyze(csv, new SchemaInferenceOptions { SampleSize = options.SampleSize }) : null;
            Console.Out.Write(output switch
            {
                "json" => Json(columns),
                "yaml" => MaskingSchemaYaml.Write(inference!, columns),
                _ => Table(columns),
            });
            if (assist != AssistMode.Off)
            {
                await ColumnAssist.WriteAsync(inference!, columns, assist == AssistMode.PromptOnly, cancellation);
            }
        }
        catch (EtlException error)
        {
            Console.Error.WriteLine($"aietl: {target}: {error.Message}");
            return ExitCodes.RunFailed;
        }

        return ExitCodes.Success;
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

    private static string Json(IReadOnlyList<SensitiveColumn> columns)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("columns");
            foreach (var column in columns)
            {
                writer.WriteStartObject();
                writer.WriteString("name", column.Name);
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
