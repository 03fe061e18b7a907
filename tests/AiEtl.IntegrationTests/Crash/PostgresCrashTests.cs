namespace AiEtl.IntegrationTests.Crash;

/// <summary>
/// A killed load into PostgreSQL resumes to exactly the input: no row lost or doubled, each bad row dead-lettered once.
/// The class has its own schema, made anew for each trial.
/// </summary>
public sealed class PostgresCrashTests(CrashInput input, PostgresCrashSchema schema) : IClassFixture<CrashInput>, IClassFixture<PostgresCrashSchema>
{
    public static TheoryData<string, string, string> Cases => CrashCases.For("postgres");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_run_killed_at_each_instant_resumes_to_exactly_the_input(string destination, string mode, string instant)
    {
        var failure = await new CrashTrial(input, destination, schema.Database).RunAsync(mode, instant, TestContext.Current.CancellationToken);
        Assert.True(failure is null, $"{destination} {mode}, killed at {instant}: {failure}");
    }
}
