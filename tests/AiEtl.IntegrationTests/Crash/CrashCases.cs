using System.Globalization;

namespace AiEtl.IntegrationTests.Crash;

/// <summary>
/// The trials of each destination: every mode it supports x the named instants (a fixed set) x a number of
/// random-time kills (AIETL_CRASH_TRIALS, default 2; scripts/crash-test.sh raises it), and one unkilled run.
/// </summary>
internal static class CrashCases
{
    public const string TrialsVariable = "AIETL_CRASH_TRIALS";
    public const string NoKill = "no kill";
    public const string RandomPrefix = "random #";

    public static int RandomTrials => Environment.GetEnvironmentVariable(TrialsVariable) is { Length: > 0 } value
        ? int.Parse(value, CultureInfo.InvariantCulture)
        : 2;

    public static bool IsFile(string destination) => destination is "jsonl" or "csv";

    // Files publish a temp file at the end of every run; a database only swaps in a replace load's staging table.
    public static bool Publishes(string destination, string mode) => IsFile(destination) || mode == "replace";

    public static TheoryData<string, string, string> For(params string[] destinations)
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var destination in destinations)
        {
            string[] modes = IsFile(destination) ? ["append", "dedup", "replace"] : ["append", "dedup", "merge", "replace"];
            foreach (var mode in modes)
            {
                foreach (var instant in Instants(destination, mode))
                {
                    cases.Add(destination, mode, instant);
                }
            }
        }

        return cases;
    }

    private static IEnumerable<string> Instants(string destination, string mode)
    {
        yield return NoKill;
        yield return "commit.before:1";
        yield return "commit.after:150";
        yield return Publishes(destination, mode) ? "publish.before" : "commit.after:last";
        if (IsFile(destination))
        {
            yield return "publish.prepared";
            yield return "publish.renamed";
        }

        if (Publishes(destination, mode))
        {
            // Published with its checkpoint, the state file not yet saved: the destination must win.
            yield return "publish.after";
        }

        yield return "commit.after:100 then commit.after:50";
        for (var trial = 1; trial <= RandomTrials; trial++)
        {
            yield return $"{RandomPrefix}{trial}";
        }
    }
}
