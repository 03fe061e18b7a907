using System.CommandLine;
using AiEtl.Cli.Output;
using AiEtl.Csv;
using AiEtl.Json;

namespace AiEtl.Cli.Commands;

/// <summary><c>aietl schema infer &lt;file&gt;</c>: the schema the runtime infers from a CSV, JSON or JSON Lines file, with its confidences, as YAML or JSON Schema.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A CSV, JSON (.json) or JSON Lines (.jsonl, .ndjson) file, optionally compressed: .gz, .zip, .bz2, .xz, .zst." };
        var output = new Option<string>("--output") { Description = "yaml (to paste under pipeline.source) or json (JSON Schema 2020-12).", DefaultValueFactory = _ => "yaml" };
        output.AcceptOnlyFromAmong("yaml", "json");
        var sampleSize = new Option<int>("--sample-size") { Description = "Rows sampled from the start of the file.", DefaultValueFactory = _ => 1000 };
        var infer = new Command("infer", "Infer the schema of a CSV, JSON or JSON Lines file (by its extension).") { file, output, sampleSize };
        infer.SetAction(parse => Infer(parse.GetRequiredValue(file), parse.GetValue(output) ?? "yaml", parse.GetValue(sampleSize)));
        return new Command("schema", "Row schemas.") { infer };
    }

    private static int Infer(string file, string output, int sampleSize)
    {
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"aietl: {file}: no such file");
            return ExitCodes.RunFailed;
        }

        Schema schema;
        try
        {
            var options = new SchemaInferenceOptions { SampleSize = Math.Max(1, sampleSize) };
            schema = IsJson(file) ? JsonSchemaInference.Infer(new JsonSourceOptions(file), options) : CsvSchemaInference.Infer(new CsvSourceOptions(file), options);
        }
        catch (EtlException error)
        {
            Console.Error.WriteLine($"aietl: {file}: {error.Message}");
            return ExitCodes.RunFailed;
        }

        Console.Out.Write(output == "json" ? JsonSchemaExport.ToJson(schema) : SchemaYaml.Write(schema));
        return ExitCodes.Success;
    }

    // JSON (an array) and JSON Lines files by their extension, compressed or not; everything else is read as CSV.
    private static bool IsJson(string file)
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
}
