namespace AiEtl.Benchmarks;

/// <summary>Finds the benchmark input files that scripts/bench.sh makes with samples/DataGen.</summary>
internal static class BenchmarkData
{
    /// <summary>The committed 10,000-row sample.</summary>
    public static string SmallCustomers => Path.Combine(Root, "samples", "data", "customers.csv");

    /// <summary>The 1,000,000-row file (not committed; scripts/bench.sh makes it).</summary>
    public static string MillionCustomers => Path.Combine(Root, "samples", "data", "customers.1m.large.csv");

    private static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AiEtl.Typed.sln")))
            {
                return directory.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
