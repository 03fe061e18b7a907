namespace AiEtl.Cli.Tests;

/// <summary>
/// Issue 13: <c>aietl run</c> of a 200,000-row CSV into SQLite, SIGKILLed (or interrupted with Ctrl+C) at each
/// instant that matters and run again, leaves exactly the input's rows: none lost, none doubled.
/// </summary>
public sealed class SqliteKillTests(KillInput input) : IClassFixture<KillInput>
{
    public static TheoryData<string, string> Cases => KillCases.Database();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_run_stopped_at_each_instant_and_run_again_holds_exactly_the_input(string mode, string instant)
    {
        using var directory = new TempDirectory();
        var database = directory.File("out.db");
        var target = new KillTarget(
            $"  destination:\n    type: sqlite\n    config:\n      path: out.db\n      table: customers\n      write_mode: {mode}",
            new Dictionary<string, string?>(),
            () => Task.FromResult(KillRows.FromSqlite(database)));

        await new KillTrial(input, directory, target).RunAsync(instant);
    }
}
