namespace AiEtl.IntegrationTests.Crash;

/// <summary>A killed load into SQLite resumes to exactly the input: no row lost or doubled, each bad row dead-lettered once.</summary>
public sealed class SqliteCrashTests(CrashInput input) : IClassFixture<CrashInput>
{
    public static TheoryData<string, string, string> Cases => CrashCases.For("sqlite");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_run_killed_at_each_instant_resumes_to_exactly_the_input(string destination, string mode, string instant)
    {
        var failure = await new CrashTrial(input, destination, null).RunAsync(mode, instant, TestContext.Current.CancellationToken);
        Assert.True(failure is null, $"{destination} {mode}, killed at {instant}: {failure}");
    }
}
