using AiEtl.Postgres;
using AiEtl.Sqlite;
using Microsoft.Data.Sqlite;

namespace AiEtl.IntegrationTests.Postgres;

/// <summary>A row with an incremental cursor column.</summary>
[EtlRecord("events")]
public partial record struct Event([property: PrimaryKey] long Id, string Name, DateTime UpdatedAt);

public sealed class PostgresSourceTests : IAsyncDisposable, IDisposable
{
    private static readonly DateTime T0 = new(2024, 6, 1, 12, 0, 0);
    private readonly PostgresTestDatabase _db = new("src");
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-pgsrc-").FullName;

    public PostgresSourceTests()
    {
        _db.Execute($"CREATE SCHEMA \"{_db.Schema}\"; CREATE TABLE \"{_db.Schema}\".events (id bigint PRIMARY KEY, name text NOT NULL, updated_at timestamp NOT NULL, note varchar(20), amount integer)");
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_full_read_streams_every_row_in_batches()
    {
        Insert(Enumerable.Range(1, 25).Select(i => (i, T0.AddMinutes(i))));

        var (rows, states) = await SourceReading.ReadAllAsync(new PostgresSource<Event>(_db.Source("events")), batchSize: 10);

        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), rows.Select(r => r.Id).Order());
        Assert.Equal([10L, 20L, 25L], states.Select(s => s.RecordsProcessed));
        Assert.Equal(new Event(7, "event 7", T0.AddMinutes(7)), rows.Single(r => r.Id == 7));
    }

    [Fact]
    public async Task A_query_source_reads_its_result_by_column_name()
    {
        Insert(Enumerable.Range(1, 10).Select(i => (i, T0.AddMinutes(i))));
        var options = _db.Source("events") with { Table = null, Query = $"SELECT updated_at, upper(name) AS name, id FROM \"{_db.Schema}\".events WHERE id % 2 = 0" };

        var (rows, _) = await SourceReading.ReadAllAsync(new PostgresSource<Event>(options), batchSize: 3);

        Assert.Equal([2L, 4, 6, 8, 10], rows.Select(r => r.Id).Order());
        Assert.Equal("EVENT 4", rows.Single(r => r.Id == 4).Name);
    }

    [Fact]
    public async Task A_missing_column_is_named()
    {
        var options = _db.Source("events") with { Table = null, Query = $"SELECT id FROM \"{_db.Schema}\".events" };

        var error = await Assert.ThrowsAsync<SchemaException>(() => SourceReading.ReadAllAsync(new PostgresSource<Event>(options), 10));

        Assert.Contains("the result has no column 'name', 'updated_at' of schema events (it has: id)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalog_schema_maps_back_to_field_types_with_the_primary_key()
    {
        var schema = await PostgresCatalog.GetSchemaAsync(_db.Source("events"), TestContext.Current.CancellationToken);

        Assert.Equal(
            ["id Integer False", "name String False", "updated_at DateTime False", "note String True", "amount Integer True"],
            schema.Fields.Select(f => $"{f.Name} {f.Type} {f.IsNullable}"));
        Assert.Equal(["id"], schema.PrimaryKey!);
        var query = await PostgresCatalog.GetSchemaAsync(_db.Source("events") with { Table = null, Query = "SELECT 1::smallint AS a, now() AS b, '{}'::jsonb AS c, gen_random_uuid() AS d, 1.5::numeric AS e, ARRAY[1.5]::float8[] AS f" }, TestContext.Current.CancellationToken);
        Assert.Equal(["a Integer", "b Timestamp", "c Json", "d Guid", "e Decimal", "f Array Float"], query.Fields.Select(f => $"{f.Name} {f.Type}{(f.ElementType is { } e ? $" {e}" : "")}"));
    }

    [Fact]
    public async Task An_incremental_rerun_reads_only_newer_rows_and_keeps_rows_equal_to_the_boundary()
    {
        Insert(Enumerable.Range(1, 5).Select(i => (i, T0.AddMinutes(i))));
        var states = new StateManager(Path.Combine(_directory, "state"));

        Assert.Equal(5, await RunIncrementalAsync(states));

        // Id 6 shares the boundary value (T0 + 5 min) with id 5, which was already read; 7 and 8 are newer.
        Insert([(6, T0.AddMinutes(5)), (7, T0.AddMinutes(6)), (8, T0.AddMinutes(6))]);
        Assert.Equal(3, await RunIncrementalAsync(states));
        Assert.Equal(0, await RunIncrementalAsync(states));

        using var sqlite = new SqliteConnection($"Data Source={Path.Combine(_directory, "out.db")};Pooling=False");
        sqlite.Open();
        using var command = sqlite.CreateCommand();
        command.CommandText = "SELECT group_concat(id) FROM (SELECT id FROM events ORDER BY id)";
        Assert.Equal("1,2,3,4,5,6,7,8", command.ExecuteScalar());
        var saved = states.GetState("pg-incremental", new PostgresSource<Event>(IncrementalOptions()).SourceId, $"{Path.Combine(_directory, "out.db")}#events")!;
        Assert.Equal(8, saved.RecordsProcessed);
        Assert.Equal("\"7\",\"8\"", string.Join(",", saved.Checkpoint.CustomState["cursor_keys"].EnumerateArray().Select(k => k.GetRawText())));
    }

    [Fact]
    public async Task Resuming_inside_a_run_of_equal_cursor_values_neither_loses_nor_doubles_a_row()
    {
        Insert(Enumerable.Range(1, 7).Select(i => (i, T0)));

        var (first, states) = await SourceReading.ReadAllAsync(new PostgresSource<Event>(IncrementalOptions()), batchSize: 3, maxBatches: 1);
        Insert([(8, T0), (9, T0.AddDays(-1))]);
        var resumed = new PostgresSource<Event>(IncrementalOptions());
        resumed.SetState(states[0]);
        var (rest, _) = await SourceReading.ReadAllAsync(resumed, batchSize: 3);

        Assert.Equal([1L, 2, 3], first.Select(r => r.Id));
        Assert.Equal([4L, 5, 6, 7, 8], rest.Select(r => r.Id));
    }

    [Fact]
    public async Task A_query_read_incrementally_by_an_increasing_id_resumes_after_the_last_id()
    {
        Insert(Enumerable.Range(1, 6).Select(i => (i, T0)));
        var options = _db.Source("events") with { Table = null, Query = $"SELECT id, name, updated_at FROM \"{_db.Schema}\".events WHERE name LIKE 'event%'", CursorColumn = "id", KeyColumns = ["id"] };

        var (first, states) = await SourceReading.ReadAllAsync(new PostgresSource<Event>(options), batchSize: 4);
        Insert([(7, T0), (8, T0)]);
        var resumed = new PostgresSource<Event>(options);
        resumed.SetState(states[^1]);
        var (rest, _) = await SourceReading.ReadAllAsync(resumed, batchSize: 4);

        Assert.Equal([1L, 2, 3, 4, 5, 6], first.Select(r => r.Id));
        Assert.Equal([7L, 8], rest.Select(r => r.Id));
        Assert.Equal("6", states[^1].Checkpoint.CustomState["cursor_value"].GetString());
    }

    [Fact]
    public async Task The_catalog_names_a_missing_table()
    {
        var error = await Assert.ThrowsAsync<SchemaException>(() => PostgresCatalog.GetSchemaAsync(_db.Source("absent"), TestContext.Current.CancellationToken));

        Assert.Contains($"the table '{_db.Schema}.absent' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incremental_read_without_a_key_is_refused()
    {
        var source = new PostgresSource<Event>(IncrementalOptions() with { Table = null, Query = $"SELECT * FROM \"{_db.Schema}\".events", KeyColumns = [] });

        var error = await Assert.ThrowsAsync<PipelineConfigurationException>(() => SourceReading.ReadAllAsync(source, 10));

        Assert.Contains("needs key columns", error.Message, StringComparison.Ordinal);
    }

    private PostgresSourceOptions IncrementalOptions() => _db.Source("events") with { CursorColumn = "updated_at" };

    private async Task<long> RunIncrementalAsync(StateManager states)
    {
        var result = await EtlPipeline.Create<Event>("pg-incremental")
            .From(new PostgresSource<Event>(IncrementalOptions()))
            .To(new SqliteDestination<Event>(new SqliteDestinationOptions(Path.Combine(_directory, "out.db"))))
            .WithOptions(new PipelineOptions { BatchSize = 2, State = states, RetryPolicy = RetryPolicy.None })
            .RunAsync(TestContext.Current.CancellationToken);
        Assert.True(result.Success, PostgresDestinationTests.Errors(result));
        return result.RecordsLoaded;
    }

    private void Insert(IEnumerable<(int Id, DateTime UpdatedAt)> rows)
    {
        foreach (var (id, updatedAt) in rows)
        {
            _db.Execute($"INSERT INTO \"{_db.Schema}\".events (id, name, updated_at) VALUES ({id}, 'event {id}', '{updatedAt:yyyy-MM-dd HH:mm:ss}')");
        }
    }
}
