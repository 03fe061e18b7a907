using Npgsql;

namespace AiEtl.IntegrationTests.Postgres;

/// <summary>
/// The real server started by scripts/start-postgres.sh (AIETL_TEST_POSTGRES). Each test class takes its
/// own PostgreSQL schema, dropped afterwards, so classes run in parallel without sharing tables.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string Variable = "AIETL_TEST_POSTGRES";

    public PostgresTestDatabase(string prefix)
    {
        ConnectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: start the server with `eval \"$(scripts/start-postgres.sh)\"` (scripts/test.sh does it)");
        Schema = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
    }

    public string ConnectionString { get; }

    /// <summary>This class's PostgreSQL schema.</summary>
    public string Schema { get; }

    public AiEtl.Postgres.PostgresDestinationOptions Destination(string table) => new()
    {
        ConnectionString = ConnectionString,
        Schema = Schema,
        Table = table,
    };

    public AiEtl.Postgres.PostgresSourceOptions Source(string table) => new()
    {
        ConnectionString = ConnectionString,
        Schema = Schema,
        Table = table,
    };

    public NpgsqlConnection Open()
    {
        // No pool: the restart tests stop the server, which would leave pooled connections dead.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    public void Execute(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public List<string> Strings(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? "<null>" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    public long Count(string table) => long.Parse(Strings($"SELECT count(*) FROM \"{Schema}\".\"{table}\"")[0], System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await using var connection = Open();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
