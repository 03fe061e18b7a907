namespace AiEtl.Cli.Tests;

/// <summary>
/// The instants the kill tests stop <c>aietl run</c> at, as <see cref="KillStep"/> specs, with the write mode of
/// the destination. Each destination has one unkilled run too: it proves the input loads exactly, and that a run
/// commits <see cref="KillInput.TotalCommits"/> times, which <c>last</c> counts on.
/// </summary>
internal static class KillCases
{
    public const string NoKill = "no kill";

    /// <summary>The 20 stops of a database in append mode, where the state file follows each commit.</summary>
    private static readonly string[] DatabaseKills =
    [
        "commit.before:1", // nothing committed yet
        "commit.after:1", // the first commit, its state file not saved
        "state.saved:1",
        "commit.after:7",
        "state.saved:13",
        "commit.before:20",
        "commit.after:21",
        "commit.before:last",
        "commit.after:last",
        "state.saved:last",
        "publish.before", // every batch committed, the run not completed
        "publish.after",
        "commit.after:10 then commit.after:10", // twice: the rerun is killed again, further on
        "commit.before:1 then commit.after:1",
        "state.saved:5 then publish.before",
        "publish.before then publish.before", // the rerun that has nothing left to load, killed too
        "commit.after:15 then commit.before:15 then commit.after:3", // three kills, then the run that completes
        "sigint@commit.before:5", // Ctrl+C with a transaction written, not committed
        "sigint@commit.after:3 then commit.after:10", // Ctrl+C, then a kill of the rerun
        "commit.after:12 then sigint@commit.after:2",
    ];

    /// <summary>A replace load fills a staging table and swaps it in (publishes it) with its checkpoint when it completes.</summary>
    private static readonly string[] ReplaceKills = ["commit.after:20 then publish.before", "publish.after"];

    /// <summary>A file destination writes a temp file and publishes it (a rename) with its checkpoint when the run completes.</summary>
    private static readonly string[] FileKills = ["commit.after:20", "publish.before", "publish.prepared", "publish.renamed", "publish.after", "publish.prepared then publish.renamed"];

    private static readonly string[] FileReplaceKills = ["publish.prepared", "publish.renamed"];

    public static TheoryData<string, string> Database() => Cases(("append", [NoKill, .. DatabaseKills]), ("replace", ReplaceKills));

    public static TheoryData<string, string> Files() => Cases(("append", [NoKill, .. FileKills]), ("replace", FileReplaceKills));

    private static TheoryData<string, string> Cases(params (string Mode, string[] Kills)[] modes)
    {
        var cases = new TheoryData<string, string>();
        foreach (var (mode, kills) in modes)
        {
            foreach (var kill in kills)
            {
                cases.Add(mode, kill);
            }
        }

        return cases;
    }
}
