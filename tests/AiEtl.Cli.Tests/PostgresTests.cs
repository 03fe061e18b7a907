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
        var connectionString = PostgresServer.ConnectionString();
        var table = "seed_" + Guid.NewGuid().ToString("N")[..12];
        using var dir = new TempDirectory();
        var environment = PostgresServer.Variables(connectionString);

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
            await PostgresServer.ExecuteAsync(connectionString, $"DROP TABLE IF EXISTS public.\"{table}\"");
        }
    }

    [Fact]
    public async Task Jsonl_to_postgres_sample_loads_only_the_appended_rows_on_the_next_run()
    {
        var connectionString = PostgresServer.ConnectionString();
        var table = "events_" + Guid.NewGuid().ToString("N")[..12];
        using var dir = new TempDirectory();
        var events = dir.File("events.jsonl");
        var environment = PostgresServer.Variables(connectionString);
        string[] args = ["run", Paths.Sample("jsonl-to-postgres-incremental.yaml"), "--output", "json",
            "--set", "pipeline.source.config.path=" + events,
            "--set", "pipeline.source.state_file=" + dir.File(".state/events.json"),
            "--set", "pipeline.destination.config.table=" + table,
            "--set", "pipeline.error_handling.dead_letter_queue=" + dir.File("dlq.jsonl")];
        static string Event(int id) =>
            $"{{\"id\": {id}, \"occurred_at\": \"2025-01-{1 + (id % 28):00}T10:00:00Z\", \"kind\": \"{(id % 3 == 0 ? "purchase" : "login")}\", \"amount\": {id}.5, \"payload\": {{\"n\": {id}}}}}\n";

        try
        {
            await File.WriteAllTextAsync(events, string.Concat(Enumerable.Range(1, 3000).Select(Event)), TestContext.Current.CancellationToken);
            var first = await Aietl.RunAsync(dir.Path, environment, args);
            await File.AppendAllTextAsync(events, string.Concat(Enumerable.Range(3001, 500).Select(Event)), TestContext.Current.CancellationToken);
            var second = await Aietl.RunAsync(dir.Path, environment, args);
            var third = await Aietl.RunAsync(dir.Path, environment, args);

            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.True(second.ExitCode == 0, second.ToString());
            Assert.True(third.ExitCode == 0, third.ToString());
            Assert.Contains("\"records_extracted\": 3000", first.Output, StringComparison.Ordinal);
            Assert.Contains("\"records_extracted\": 500", second.Output, StringComparison.Ordinal);
            Assert.Contains("\"records_extracted\": 0", third.Output, StringComparison.Ordinal);
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"SELECT COUNT(*), COUNT(DISTINCT id), SUM(amount) FROM public.\"{table}\"", connection);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
            Assert.Equal(3500L, reader.GetInt64(0));
            Assert.Equal(3500L, reader.GetInt64(1));
            Assert.Equal(Enumerable.Range(1, 3500).Sum(i => i + 0.5m), reader.GetDecimal(2));
        }
        finally
        {
            await PostgresServer.ExecuteAsync(connectionString, $"DROP TABLE IF EXISTS public.\"{table}\"");
        }
    }
}
