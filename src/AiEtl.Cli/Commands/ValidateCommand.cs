using System.CommandLine;
using AiEtl.Cli.Output;
using AiEtl.Configuration;

namespace AiEtl.Cli.Commands;

/// <summary><c>aietl validate &lt;file|dir&gt;</c>: every diagnostic of every pipeline file, compiler-style; exit 2 on an error.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("path") { Description = "A pipeline file, or a folder whose *.yaml and *.yml files are all checked." };
        var envFile = CommonOptions.EnvFile();
        var command = new Command("validate", "Check pipeline files and print every problem as file(line,col): severity id: message.") { target, envFile };
        command.SetAction(parse => Run(parse.GetRequiredValue(target), parse.GetValue(envFile)));
        return command;
    }

    private static int Run(string target, string? envFile)
    {
        var files = Directory.Exists(target)
            ? Directory.EnumerateFiles(target, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList()
            : [target];
        var errors = 0;
        var warnings = 0;
        foreach (var file in files)
        {
            var result = PipelineConfigurationLoader.Load(file, new PipelineLoadOptions { EnvFilePath = envFile });
            DiagnosticPrinter.Print(Console.Out, result.Diagnostics);
            errors += result.Diagnostics.Count(d => d.Severity == Configuration.Diagnostics.ConfigSeverity.Error);
            warnings += result.Diagnostics.Count(d => d.Severity == Configuration.Diagnostics.ConfigSeverity.Warning);
        }

        Console.Out.WriteLine($"{files.Count} file(s) checked: {errors} error(s), {warnings} warning(s)");
        return errors > 0 ? ExitCodes.ConfigurationInvalid : ExitCodes.Success;
    }
}
