using System.Diagnostics;

namespace AiEtl.Tests;

/// <summary>Starts tests/AiEtl.CrashWriter, the child process the crash tests kill mid-write.</summary>
internal static class CrashWriterProcess
{
    public static Process Start(params string[] args)
    {
        // The helper is built beside this test assembly (a project reference that only orders the build).
        var dll = Path.Combine(AppContext.BaseDirectory.Replace($"{Path.DirectorySeparatorChar}AiEtl.Tests{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}AiEtl.CrashWriter{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal), "AiEtl.CrashWriter.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing");
        var start = new ProcessStartInfo("dotnet", ["exec", dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(start)!;
    }
}
