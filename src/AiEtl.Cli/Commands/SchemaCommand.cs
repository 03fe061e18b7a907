using System.CommandLine;
using System.Globalization;
using System.Text;
using AiEtl.Assist;
using AiEtl.Cli.Assist;
using AiEtl.Cli.Binding;
using AiEtl.Cli.Output;
using AiEtl.Csv;
using AiEtl.Json;

namespace AiEtl.Cli.Commands;

/// <summary>
/// <c>aietl schema infer &lt;file&gt;</c>: the schema the runtime infers from a CSV, JSON or JSON Lines file, with its
/// confidences, as YAML or JSON Schema; after the YAML, comments say how much of the file was seen, which null values and
/// culture the source needs, and why each unsure column is unsure (<c>--evidence</c>: every column's classes and rule).
/// <c>--assist</c> adds a language model's suggestions for the unsure columns, when <c>OPENAI_API_KEY</c> configures one
/// (<see cref="AssistClient"/>); <c>--assist-prompt</c> prints what it would send, and sends nothing.
/// </summary>
internal static class SchemaCommand
{
    private const int MaxShownExamples = 3;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A CSV, JSON (.json) or JSON Lines (.jsonl, .ndjson) file, optionally compressed: .gz, .zip, .bz2, .xz, .zst." };
        var output = new Option<string>("--output") { Description = "yaml (to paste under pipeline.source) or json (JSON Schema 2020-12).", DefaultValueFactory = _ => "yaml" };
        output.AcceptOnlyFromAmong("yaml", "json");
        var sampleSize = new Option<int>("--sample-size") { Description = "Rows sampled: half from the start of a plain CSV file, half from evenly spread offsets through it.", DefaultValueFactory = _ => 1000 };
        var full = new Option<bool>("--full") { Description = "Read every row instead of a sample." };
        var evidence = new Option<bool>("--evidence") { Description = "After the YAML, every column's classes of values, with examples, and the rule that decided its type." };
        var assist = new Option<bool>("--assist") { Description = "Ask a language model (OPENAI_API_KEY, OPENAI_MODEL, OPENAI_BASE_URL) for descriptions and sensitive kinds of the unsure columns, from a small masked sample; printed as comments, never applied." };
        var assistPrompt = new Option<bool>("--assist-prompt") { Description = "Print the masked prompt --assist would send, and send nothing." };
        var mapTo = new Option<string?>("--map-to") { Description = "A pipeline YAML whose source declares a schema: suggest which of its fields each column of the file maps to (names first; the model for the rest with --assist)." };
        var infer = new Command("infer", "Infer the schema of a CSV, JSON or JSON Lines file (by its extension).") { file, output, sampleSize, full, evidence, assist, assistPrompt, mapTo };
        infer.SetAction((parse, cancellation) => Infer(parse.GetRequiredValue(file), parse.GetValue(output) ?? "yaml", new SchemaInferenceOptions
        {
            SampleSize = Math.Max(1, parse.GetValue(sampleSize)),
            FullScan = parse.GetValue(full),
        }, parse.GetValue(evidence), new AssistRequest(parse.GetValue(assist), parse.GetValue(assistPrompt), parse.GetValue(mapTo)), cancellation));
        return new Command("schema", "Row schemas.") { infer };
    }

    private sealed record AssistRequest(bool Assist, bool PromptOnly, string? MapTo);

    /// <summary>JSON (an array) and JSON Lines files by their extension, compressed or not; everything else is read as CSV.</summary>
    public static bool IsJson(string file)
    {
        var name = file.ToLowerInvariant();
        foreach (var compressed in (string[])[".gz", ".gzip", ".zip", ".bz2", ".xz", ".zst"])
        {
            if (name.EndsWith(compressed, StringComparison.Ordinal))
            {
                name = name[..^compressed.Length];
                break;
            }
        }

        return Path.GetExtension(name) is ".json" or ".jsonl" or ".ndjson";
    }

    private static async Task<int> Infer(string file, string output, SchemaInferenceOptions options, bool evidence, AssistRequest assist, CancellationToken cancellation)
    {
        if (output == "json" && (assist.Assist || assist.PromptOnly || assist.MapTo is not null))
        {
            Console.Error.WriteLine("aietl: --assist, --assist-prompt and --map-to print comments, which JSON Schema cannot hold: use --output yaml");
            return ExitCodes.Usage;
        }

        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"aietl: {file}: no such file");
            return ExitCodes.RunFailed;
        }

        SchemaInferenceResult result;
        try
        {
            result = IsJson(file) ? JsonSchemaInference.Analyze(new JsonSourceOptions(file), options) : CsvSchemaInference.Analyze(new CsvSourceOptions(file), options);
        }
        catch (EtlException error)
        {
            Console.Error.WriteLine($"aietl: {file}: {error.Message}");
            return ExitCodes.RunFailed;
        }

        Console.Out.Write(output == "json" ? JsonSchemaExport.ToJson(result.Schema) : SchemaYaml.Write(result.Schema) + Comments(result, evidence));
        if (assist.MapTo is { } pipeline)
        {
            return await MapAsync(result, pipeline, assist.Assist, cancellation);
        }

        if (assist.Assist || assist.PromptOnly)
        {
            try
            {
                await AssistAsync(file, result, options, assist.PromptOnly, cancellation);
            }
            catch (EtlException error)
            {
                Console.Error.WriteLine($"aietl: {file}: {error.Message}");
                return ExitCodes.RunFailed;
            }
        }

        return ExitCodes.Success;
    }

    // The file's columns against the fields the pipeline's source declares: names first, the model only with --assist
    // and a key, and then only for what the names left (it gets names, no values).
    private static async Task<int> MapAsync(SchemaInferenceResult result, string pipeline, bool assist, CancellationToken cancellation)
    {
        if (!File.Exists(pipeline))
        {
            Console.Error.WriteLine($"aietl: {pipeline}: no such file");
            return ExitCodes.RunFailed;
        }

        var config = CommonOptions.Load(pipeline, null, null, Console.Error).Configuration;
        if (config is null)
        {
            return ExitCodes.ConfigurationInvalid;
        }

        if (config.Source.Schema is not { Fields.Count: > 0 } declared)
        {
            Console.Error.WriteLine($"aietl: {pipeline}: the source declares no schema (source.schema with fields) to map to");
            return ExitCodes.ConfigurationInvalid;
        }

        var record = new Schema(declared.Name ?? config.Name, [.. declared.Fields.Select(f => new Field(f.Name, SchemaConversion.FieldTypeOf(f.Type)))]);
        var header = result.Columns.Select(c => c.Name).ToList();
        using var client = assist ? AssistClient.FromEnvironment() : null;
        if (assist && client is null)
        {
            Console.Error.WriteLine(AssistClient.OffMessage);
        }

        AssistResult mapping;
        if (client is null)
        {
            var matched = ColumnNameMatch.Match(header, record.Fields.Select(f => f.Name));
            mapping = new AssistResult
            {
                Suggestions = [.. matched.Select(m => new AssistSuggestion(m.Column, AssistSuggestionKind.FieldMapping, m.Field, "name match"))],
                Problems = [.. header.Where(c => matched.All(m => m.Column != c)).Select(c => $"{c}: no field of {record.Name} has its name")],
            };
        }
        else
        {
            try
            {
                mapping = await new SchemaAssistant(client).MapColumnsAsync(header, record, cancellation);
            }
            catch (Exception error) when (ColumnAssist.IsModelFailure(error))
            {
                Console.Error.WriteLine(ColumnAssist.NoAnswer(error));
                return ExitCodes.Success;
            }
        }

        Console.Out.Write(AssistComments.Write(mapping));
        return ExitCodes.Success;
    }

    // The schema's own file is scanned so that a column the scan finds sensitive sends no value (a JSON file's as aietl scan reads it).
    private static async Task AssistAsync(string file, SchemaInferenceResult result, SchemaInferenceOptions options, bool promptOnly, CancellationToken cancellation)
    {
        var scan = new SensitiveScanOptions { SampleSize = options.SampleSize };
        var columns = IsJson(file)
            ? (await RecordScan.ScanJsonAsync(new JsonSourceOptions(Path.GetFullPath(file)), result, scan, cancellation)).ByField()
            : SensitiveDataScanner.ScanCsv(new CsvSourceOptions(file), scan);
        await ColumnAssist.WriteAsync(result, columns, promptOnly, cancellation);
    }

    // YAML comments after the schema: they paste harmlessly and tell what the schema needs and where it may be wrong.
    private static string Comments(SchemaInferenceResult result, bool evidence)
    {
        var text = new StringBuilder();
        var seen = result.ReadWholeFile ? "every row" : result.ShareSeen is { } share ? string.Create(CultureInfo.InvariantCulture, $"{share:P1} of the file") : "the start of the file";
        var where = result.SpreadThroughFile ? ", from its start and evenly spread offsets" : "";
        text.Append(CultureInfo.InvariantCulture, $"# sampled {result.SampledRows} rows ({seen}{where})\n");
        if (result.NullTokens.Count > 0)
        {
            text.Append("# null tokens found in typed columns; add under source.config: null_values: [")
                .AppendJoin(", ", result.NullTokens.Select(t => "\"" + t + "\"")).Append("]\n");
        }

        if (result.DecimalComma)
        {
            text.Append("# numbers only make sense with a decimal comma (3,5): add under source.config: culture: de-DE (or another culture with a decimal comma)\n");
        }

        foreach (var column in result.Columns)
        {
            if (column.SuggestedNullTokens.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"# {column.Name}: {string.Join(", ", column.SuggestedNullTokens)} stands out as a code for a missing value; add it to null_values if it is one\n");
            }

            foreach (var warning in column.Warnings)
            {
                text.Append(CultureInfo.InvariantCulture, $"# {column.Name}: {warning}\n");
            }

            if (column.IsUnsure)
            {
                text.Append(CultureInfo.InvariantCulture, $"# unsure: {column.Name} ({column.Type}, confidence {column.Confidence:0.00}): {column.Rule}");
                text.Append(column.Counterexamples.Count > 0 ? "; first counterexamples: " + string.Join(", ", column.Counterexamples) : "").Append('\n');
            }
            else if (evidence)
            {
                text.Append(CultureInfo.InvariantCulture, $"# {column.Name} ({column.Type}, confidence {column.Confidence:0.00}): {column.Rule}\n");
            }

            if (evidence)
            {
                foreach (var kind in column.Classes)
                {
                    text.Append(CultureInfo.InvariantCulture, $"#   {kind.Count} {kind.Class}: {string.Join(", ", kind.Examples.Take(MaxShownExamples))}\n");
                }
            }
        }

        return text.ToString();
    }
}
