namespace AiEtl.IntegrationTests;

/// <summary>Finds the repository and the build outputs the tests run, from the test's own location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration this test assembly was built in (Debug or Release).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string SampleData(string file) => Path.Combine(Root, "samples", "data", file);

    public static string QuickStartDll =>
        Path.Combine(Root, "samples", "QuickStart", "bin", Configuration, "net10.0", "QuickStart.dll");

    public static string YamlPipelinesDll =>
        Path.Combine(Root, "samples", "YamlPipelines", "bin", Configuration, "net10.0", "YamlPipelines.dll");

    public static string FileBenchDll =>
        Path.Combine(Root, "tests", "AiEtl.FileBench", "bin", Configuration, "net10.0", "AiEtl.FileBench.dll");

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
