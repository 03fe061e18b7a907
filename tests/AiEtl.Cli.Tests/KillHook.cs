namespace AiEtl.Cli.Tests;

/// <summary>
/// The variables that load tests/AiEtl.Cli.KillHook into the real tool (a .NET startup hook, so the shipped tool has
/// no test hook): it writes each engine instant reached to a file as <c>point name count</c>, and with a kill step
/// SIGKILLs the process at that instant.
/// </summary>
internal static class KillHook
{
    public static Dictionary<string, string?> Variables(IReadOnlyDictionary<string, string?> variables, string pointsFile, KillStep? kill)
    {
        Assert.True(File.Exists(Paths.KillHookDll), $"{Paths.KillHookDll} is missing: build tests/AiEtl.Cli.Tests, which builds the hook first");
        return new Dictionary<string, string?>(variables)
        {
            ["DOTNET_STARTUP_HOOKS"] = Paths.KillHookDll,
            ["AIETL_KILL_POINTS"] = pointsFile,
            ["AIETL_KILL_AT"] = kill?.Argument,
        };
    }

    /// <summary>The instants the run has reached so far (it may still be writing the file).</summary>
    public static List<string> Points(string pointsFile)
    {
        if (!File.Exists(pointsFile))
        {
            return [];
        }

        using var reader = new StreamReader(new FileStream(pointsFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
