namespace AiEtl.Cli.Tests;

/// <summary>
/// The variables that load tests/AiEtl.Cli.KillHook into the real tool (a .NET startup hook, so the shipped tool has
/// no test hook): it writes each engine instant reached to a file as <c>point name count</c>, and at a step's instant
/// SIGKILLs the process, or for a Ctrl+C step holds it there until <see cref="Resume"/>.
/// </summary>
internal static class KillHook
{
    public static Dictionary<string, string?> Variables(IReadOnlyDictionary<string, string?> variables, string pointsFile, KillStep? step)
    {
        Assert.True(File.Exists(Paths.KillHookDll), $"{Paths.KillHookDll} is missing: build tests/AiEtl.Cli.Tests, which builds the hook first");
        return new Dictionary<string, string?>(variables)
        {
            ["DOTNET_STARTUP_HOOKS"] = Paths.KillHookDll,
            ["AIETL_KILL_POINTS"] = pointsFile,
            ["AIETL_KILL_AT"] = step is { Interrupt: false } ? step.Argument : null,
            ["AIETL_PAUSE_AT"] = step is { Interrupt: true } ? step.Argument : null,
            ["AIETL_PAUSE_UNTIL"] = ResumeFile(pointsFile),
        };
    }

    /// <summary>Lets a run held at its step's instant go on.</summary>
    public static void Resume(string pointsFile) => File.WriteAllText(ResumeFile(pointsFile), "");

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

    private static string ResumeFile(string pointsFile) => pointsFile + ".resume";
}
