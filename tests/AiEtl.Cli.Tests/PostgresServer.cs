using System.Globalization;
using Npgsql;

namespace AiEtl.Cli.Tests;

/// <summary>The real server of scripts/start-postgres.sh (AIETL_TEST_POSTGRES): a test that needs it is skipped when it is not set.</summary>
internal static class PostgresServer
{
    /// <summary>The connection string; skips the calling test when there is no server.</summary>
    public static string ConnectionString()
    {
        var connectionString = Environment.GetEnvironmentVariable("AIETL_TEST_POSTGRES");
        Assert.SkipWhen(string.IsNullOrEmpty(connectionString), "AIETL_TEST_POSTGRES is not set: start the server with `eval \"$(scripts/start-postgres.sh)\"` (scripts/test.sh does it)");
        return connectionString!;
    }

    /// <summary>The DB_* variables that the samples' <c>${DB_HOST}</c> ... placeholders read, for the tool's process.</summary>
    public static Dictionary<string, string?> Variables(string connectionString)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        return new Dictionary<string, string?>
        {
            ["DB_HOST"] = server.Host,
            ["DB_PORT"] = server.Port.ToString(CultureInfo.InvariantCulture),
            ["DB_NAME"] = server.Database,
            ["DB_USER"] = server.Username,
            ["DB_PASSWORD"] = server.Password ?? "unused",
        };
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
