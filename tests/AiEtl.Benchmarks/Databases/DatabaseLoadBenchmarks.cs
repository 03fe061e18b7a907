using AiEtl.Csv;
using AiEtl.Postgres;
using AiEtl.Sqlite;
using BenchmarkDotNet.Attributes;
using Npgsql;

namespace AiEtl.Benchmarks.Databases;

/// <summary>
/// The typed pipeline CSV -> SQLite and CSV -> PostgreSQL on the 1,000,000-row customer file, into an empty
/// table each iteration. scripts/bench/databases.sh runs it beside <c>sqlite3 .import</c> and <c>psql \copy</c>
/// on the same file and tables. Needs AIETL_TEST_POSTGRES (or AIETL_BENCH_POSTGRES) for the PostgreSQL case.
/// </summary>
[Config(typeof(DatabaseLoadConfig))]
public class DatabaseLoadBenchmarks
{
    private readonly string _csv = Environment.GetEnvironmentVariable("AIETL_BENCH_CSV") is { Length: > 0 } path ? path : BenchmarkData.MillionCustomers;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "aietl-bench-databases");
    private readonly int _commitEvery = Setting("AIETL_BENCH_COMMIT_EVERY", 100);
    private readonly int _inFlight = Setting("AIETL_BENCH_IN_FLIGHT", 4);
    private string? _postgres;

    /// <summary>Rows per pipeline batch; <c>CommitEvery</c> batches make one transaction (100,000 rows).</summary>
    [Params(1_000)]
    public int BatchSize { get; set; }

    private string SqlitePath => Path.Combine(_directory, "bench.db");

    /// <summary>Checks the inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (!File.Exists(_csv))
        {
            throw new FileNotFoundException($"run scripts/bench/databases.sh (or scripts/bench.sh) to make {_csv}");
        }

        Directory.CreateDirectory(_directory);
        _postgres = Environment.GetEnvironmentVariable("AIETL_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("AIETL_TEST_POSTGRES");
    }

    /// <summary>Starts each SQLite iteration from no database file.</summary>
    [IterationSetup(Target = nameof(CsvToSqlite))]
    public void EmptySqlite()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(_directory, "bench.db*"))
        {
            File.Delete(file);
        }
    }

    /// <summary>Starts each PostgreSQL iteration from no table.</summary>
    [IterationSetup(Target = nameof(CsvToPostgres))]
    public void EmptyPostgres()
    {
        if (_postgres is not null)
        {
            using var connection = new NpgsqlConnection(_postgres);
            connection.Open();
            using var command = new NpgsqlCommand("DROP TABLE IF EXISTS aietl_bench.customers", connection);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>CSV -> nothing: what reading and typing the file costs, the ceiling of both loads.</summary>
    [Benchmark(Baseline = true)]
    public Task<long> CsvOnly() => RunAsync(new NullDestination<LoadCustomer>());

    /// <summary>CSV -> SQLite: prepared inserts, one transaction per <c>CommitEvery</c> batches, WAL.</summary>
    [Benchmark]
    public Task<long> CsvToSqlite() => RunAsync(new SqliteDestination<LoadCustomer>(new SqliteDestinationOptions(SqlitePath)));

    /// <summary>CSV -> PostgreSQL: binary COPY, one COPY and one transaction per <c>CommitEvery</c> batches.</summary>
    [Benchmark]
    public Task<long> CsvToPostgres() => RunAsync(new PostgresDestination<LoadCustomer>(new PostgresDestinationOptions
    {
        ConnectionString = _postgres ?? throw new InvalidOperationException("set AIETL_TEST_POSTGRES (eval \"$(scripts/start-postgres.sh)\")"),
        Schema = "aietl_bench",
    }));

    // Overrides for probes (scripts/bench/databases.sh leaves them unset).
    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    private async Task<long> RunAsync(IDestination<LoadCustomer> destination)
    {
        var result = await EtlPipeline.Create<LoadCustomer>("bench-databases")
            .From(new CsvSource<LoadCustomer>(_csv))
            .To(destination)
            .WithOptions(new PipelineOptions { BatchSize = Setting("AIETL_BENCH_BATCH", BatchSize), CommitEvery = _commitEvery, BatchesInFlight = _inFlight, RetryPolicy = Setting("AIETL_BENCH_RETRY", 0) > 0 ? RetryPolicy.Default : RetryPolicy.None })
            .RunAsync();
        return result.Success
            ? result.RecordsLoaded
            : throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message)));
    }
}
