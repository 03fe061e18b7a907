namespace AiEtl.Cli.Tests;

/// <summary>
/// Issue 13: <c>aietl run</c> of a 200,000-row CSV into PostgreSQL (the server of scripts/start-postgres.sh),
/// SIGKILLed (or interrupted with Ctrl+C) at each instant that matters and run again, leaves exactly the input's
/// rows: none lost, none doubled. Each trial has a schema of its own, dropped afterwards.
/// </summary>
public sealed class PostgresKillTests(KillInput input) : IClassFixture<KillInput>
{
    public static TheoryData<string, string> Cases => KillCases.Database();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_run_stopped_at_each_instant_and_run_again_holds_exactly_the_input(string mode, string instant)
    {
        var connectionString = PostgresServer.ConnectionString();
        var schema = "kill_" + Guid.NewGuid().ToString("N")[..12];
        using var directory = new TempDirectory();
        var target = new KillTarget(
            "  destination:\n    type: postgres\n    config:\n      host: ${DB_HOST}\n      port: ${DB_PORT}\n      database: ${DB_NAME}\n      username: ${DB_USER}\n      password: ${DB_PASSWORD}\n"
                + $"      schema: {schema}\n      table: customers\n      write_mode: {mode}",
            PostgresServer.Variables(connectionString),
            () => KillRows.FromPostgresAsync(connectionString, schema));
        try
        {
            await new KillTrial(input, directory, target).RunAsync(instant);
        }
        finally
        {
            await PostgresServer.ExecuteAsync(connectionString, $"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
        }
    }
}
