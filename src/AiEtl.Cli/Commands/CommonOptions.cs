using System.CommandLine;
using AiEtl.Cli.Output;
using AiEtl.Configuration;

namespace AiEtl.Cli.Commands;

/// <summary>The options several commands share, and loading a pipeline file with them.</summary>
internal static class CommonOptions
{
    public static Option<string?> EnvFile() => new("--env-file")
    {
        Description = "The .env file to read variables from (default: .env beside the pipeline file). The process environment wins over it.",
    };

    public static Option<string[]> Set() => new("--set")
    {
        Description = "Override a key of the file: --set pipeline.execution.batch_size=500 (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Argument<string> PipelineFile() => new("pipeline")
    {
        Description = "The pipeline YAML file.",
    };

    /// <summary>Loads and validates a pipeline file, printing its diagnostics; <see langword="null"/> when it has errors.</summary>
    public static PipelineLoadResult Load(string path, string? envFile, IReadOnlyList<string>? overrides, TextWriter diagnostics)
    {
        var result = PipelineConfigurationLoader.Load(path, new PipelineLoadOptions { EnvFilePath = envFile, Overrides = overrides ?? [] });
        DiagnosticPrinter.Print(diagnostics, result.Diagnostics);
        return result;
    }
}
