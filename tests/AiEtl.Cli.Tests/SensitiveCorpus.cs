namespace AiEtl.Cli.Tests;

/// <summary>The CSV files of the sensitive-data corpus (tests/AiEtl.Tests/TestData/Sensitive), read independently of the tool.</summary>
internal static class SensitiveCorpus
{
    public static string File(string name) => Path.Combine(Paths.Root, "tests", "AiEtl.Tests", "TestData", "Sensitive", name);

    /// <summary>The rows of a corpus CSV file, each a map from header to value.</summary>
    public static List<Dictionary<string, string>> Rows(string csv)
    {
        var lines = System.IO.File.ReadAllLines(csv).Where(l => l.Length > 0).ToList();
        var header = CsvText.Fields(lines[0]);
        return [.. lines.Skip(1).Select(line => header.Zip(CsvText.Fields(line)).ToDictionary(f => f.First, f => f.Second, StringComparer.Ordinal))];
    }
}
