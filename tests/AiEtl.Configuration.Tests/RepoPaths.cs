namespace AiEtl.Configuration.Tests;

/// <summary>Paths in the repository, found from the test binary's folder (the folder that holds AiEtl.Typed.sln).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus(string name) => Path.Combine(Root, "tests", "AiEtl.Configuration.Tests", "Corpus", name);

    public static string Bad(string file) => Path.Combine(Corpus("bad"), file);

    public static string Samples => Path.Combine(Root, "samples", "pipelines");

    public static string InRoot(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AiEtl.Typed.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AiEtl.Typed.sln not found above " + AppContext.BaseDirectory);
    }
}
