namespace AiEtl.Cli.Tests;

/// <summary>The repository, its samples and corpus, and the built tool, found from the test binary's folder.</summary>
internal static class Paths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration this test assembly was built in (Debug or Release); the tool is built in the same one.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string ToolDll => Path.Combine(Root, "src", "AiEtl.Cli", "bin", Configuration, "net10.0", "AiEtl.Cli.dll");

    /// <summary>The startup hook of the kill tests (tests/AiEtl.Cli.KillHook), built in the same configuration.</summary>
    public static string KillHookDll => Path.Combine(Root, "tests", "AiEtl.Cli.KillHook", "bin", Configuration, "net10.0", "AiEtl.Cli.KillHook.dll");

    public static string Sample(string file) => Path.Combine(Root, "samples", "pipelines", file);

    public static string SampleData(string file) => Path.Combine(Root, "samples", "data", file);

    public static string Bad(string file) => Path.Combine(Root, "tests", "AiEtl.Configuration.Tests", "Corpus", "bad", file);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AiEtl.Typed.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no AiEtl.Typed.sln above {AppContext.BaseDirectory}");
    }
}
