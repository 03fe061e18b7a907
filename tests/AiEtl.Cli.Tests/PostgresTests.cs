using Npgsql;

namespace AiEtl.Cli.Tests;

/// <summary>
/// The seed's example pipeline (CSV -> null_remover -> quality_scorer -> deduplicator -> PostgreSQL, credentials from
/// DB_* variables) run by the real tool into the real server of scripts/start-postgres.sh (AIETL_TEST_POSTGRES),
/// checked row by row against the CSV.
/// </summary>
public sealed class PostgresTests
{
    [Fact]
    public async Task Seed_example_pipeline_loads_the_clean_distinct_rows_into_postgres()
    {
        var connectionString = Environment.GetEnvironmentVariable("AIETL_TEST_POSTGRES");
        Assert.SkipWhen(string.IsNullOrEmpty(connectionString), "AIETL_TEST_POSTGRES is not set: start the server with `eval \"$(scripts/start-postgres.sh)\"` (scripts/test.sh does it)");
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        var table = "seed_" + Guid.NewGuid().ToString("N")[..12];
        using var dir = new TempDirectory();
        var environment = new Dictionary<string, string?>
        {
            ["DB_HOST"] = server.Host,
            ["DB_PORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DB_NAME"] = server.Database,
            ["DB_USER"] = server.Username,
            ["DB_PASSWORD"] = server.Password ?? "unused",
        };

        try
        {
            var run = await Aietl.RunAsync(dir.Path, environment, "run", Paths.Sample("seed-csv-to-postgres.yaml"),
                "--set", "pipeline.destination.config.table=" + table,
                "--set", "pipeline.source.state_file=" + dir.File(".state/seed.json"),
                "--set", "pipeline.error_handling.dead_letter_queue=" + dir.File("dlq.jsonl"));

            Assert.True(run.ExitCode == 0, run.ToString());
            var expected = new List<(long Id, string Email)>();
            var seen = new HashSet<(string, string)>();
            foreach (var line in File.ReadLines(Paths.SampleData("customers.csv")).Skip(1))
            {
                var fields = CsvText.Fields(line);
                if (fields.Any(f => f.Length == 0) || !seen.Add((fields[0], fields[1])))
                {
                    continue;
                }

                expected.Add((long.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture), fields[1]));
            }

            var loaded = new List<(long Id, string Email)>();
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"SELECT id, email FROM public.\"{table}\"", connection);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                loaded.Add((reader.GetInt64(0), reader.GetString(1)));
            }

            Assert.Equal(expected.Count, loaded.Count);
            Assert.Equal(expected.Order(), loaded.Order());
        }
        finally
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = new NpgsqlCommand($"DROP TABLE IF EXISTS public.\"{table}\"", connection);
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }
}
