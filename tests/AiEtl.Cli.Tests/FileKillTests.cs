namespace AiEtl.Cli.Tests;

/// <summary>
/// Issue 13, for a file: <c>aietl run</c> of a 200,000-row CSV into JSON Lines, SIGKILLed at each instant of its
/// publication (the temp file finished, renamed over the target, recorded as done) and run again, leaves exactly
/// the input's rows.
/// </summary>
public sealed class FileKillTests(KillInput input) : IClassFixture<KillInput>
{
    public static TheoryData<string, string> Cases => KillCases.Files();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_run_stopped_at_each_instant_and_run_again_holds_exactly_the_input(string mode, string instant)
    {
        using var directory = new TempDirectory();
        var output = directory.File("out.jsonl");
        var target = new KillTarget(
            $"  destination:\n    type: jsonl\n    config:\n      path: out.jsonl\n      write_mode: {mode}",
            new Dictionary<string, string?>(),
            () => Task.FromResult(KillRows.FromJsonLines(output)));

        await new KillTrial(input, directory, target).RunAsync(instant);
    }
}
