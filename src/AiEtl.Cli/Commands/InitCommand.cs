using System.CommandLine;
using System.Text;
using AiEtl.Cli.Output;
using AiEtl.Csv;

namespace AiEtl.Cli.Commands;

/// <summary><c>aietl init &lt;input&gt;</c>: a commented starter pipeline for a CSV file, its inferred schema included.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "The CSV file the pipeline reads." };
        var output = new Option<string?>("--out") { Description = "Where to write the pipeline (default: standard output). An existing file is not overwritten." };
        var command = new Command("init", "Write a starter pipeline (CSV -> SQLite) for an input file.") { input, output };
        command.SetAction(parse => Run(parse.GetRequiredValue(input), parse.GetValue(output)));
        return command;
    }

    private static int Run(string input, string? output)
    {
        if (!File.Exists(input))
        {
            Console.Error.WriteLine($"aietl: {input}: no such file");
            return ExitCodes.RunFailed;
        }

        if (output is not null && File.Exists(output))
        {
            Console.Error.WriteLine($"aietl: {output} exists; not overwritten");
            return ExitCodes.RunFailed;
        }

        Schema schema;
        try
        {
            schema = CsvSchemaInference.Infer(new CsvSourceOptions(input), new SchemaInferenceOptions { AdaptSourceOptions = false }); // the starter sets no null_values or culture
        }
        catch (EtlException error)
        {
            Console.Error.WriteLine($"aietl: {input}: {error.Message}");
            return ExitCodes.RunFailed;
        }

        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(output ?? "pipeline.yaml"))!;
        var relativeInput = Path.GetRelativePath(baseDirectory, Path.GetFullPath(input)).Replace('\\', '/');
        var name = new string([.. schema.Name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]);
        var text = new StringBuilder();
        text.Append("# A starter pipeline written by `aietl init`. Check it with `aietl validate`, run it with `aietl run`.\n");
        text.Append("# Every key is described in docs/configuration.md of AiEtl.Typed.\n");
        text.Append("pipeline:\n");
        text.Append("  name: ").Append(name.Length >= 3 ? name : name + "-pipeline").Append('\n');
        text.Append("  description: Load ").Append(Path.GetFileName(input)).Append(" into SQLite.\n\n");
        text.Append("  execution:\n    batch_size: 1000     # rows per batch\n    commit_every: 1      # batches per transaction\n\n");
        text.Append("  source:\n    type: csv\n    config:\n      path: ").Append(relativeInput).Append("\n      has_header: true\n");
        text.Append("    # The schema inferred from the first rows; edit types, mark primary_key: true, or delete it to infer at run time.\n");
        text.Append(SchemaYaml.Write(schema, 4));
        text.Append("\n  # transforms:\n  #   - type: null_remover\n  #     config: { strategy: drop, fields: [] }\n  #   - type: deduplicator\n  #     config: { key_fields: [] }\n\n");
        text.Append("  destination:\n    type: sqlite\n    config:\n      path: ").Append(name).Append(".db\n      table: ").Append(name.Replace('-', '_')).Append("\n      write_mode: append   # append, replace, or merge (needs a primary key)\n");
        text.Append("    schema_mode: create_if_missing\n\n");
        text.Append("  error_handling:\n    on_extract_error: fail     # fail, skip (to the dead-letter file) or retry\n    on_transform_error: skip\n    on_load_error: fail\n");
        if (output is null)
        {
            Console.Out.Write(text.ToString());
        }
        else
        {
            File.WriteAllText(output, text.ToString());
            Console.Out.WriteLine($"wrote {output}");
        }

        return ExitCodes.Success;
    }
}
