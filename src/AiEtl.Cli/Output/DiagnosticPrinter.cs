using AiEtl.Configuration.Diagnostics;

namespace AiEtl.Cli.Output;

/// <summary>Prints diagnostics as compiler lines, errors and warnings alike, on the error stream.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(TextWriter writer, IEnumerable<ConfigDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteLine(diagnostic.ToString());
        }
    }

    public static bool HasErrors(IEnumerable<ConfigDiagnostic> diagnostics) => diagnostics.Any(d => d.Severity == ConfigSeverity.Error);
}
