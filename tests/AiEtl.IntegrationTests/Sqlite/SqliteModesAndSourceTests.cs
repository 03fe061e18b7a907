using AiEtl.IntegrationTests.Postgres;
using AiEtl.Sqlite;
using Microsoft.Data.Sqlite;

namespace AiEtl.IntegrationTests.Sqlite;

public sealed class SqliteModesAndSourceTests : IDisposable
{
    private static readonly DateTime T0 = new(2024, 6, 1, 12, 0, 0);
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-sqlite-modes-").FullName;

    private string DatabasePath => Path.Combine(_directory, "test.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Every_field_type_round_trips_through_the_destination_and_the_source()
    {
        // SQLite stores NaN as NULL and decimals as REAL (15 significant digits): those two are documented, not round-tripped.
        var rows = PostgresDestinationTests.Extremes()
            .Select(r => r with { Single = float.IsNaN(r.Single) ? 0 : r.Single, Money = 123456789.25m, OptionalMoney = r.OptionalMoney is null ? null : -0.5m })
            .ToArray();

        await LoadAsync(rows, new SqliteDestinationOptions(DatabasePath) { Table = "all_types" });
        var (read, _) = await SourceReading.ReadAllAsync(new SqliteSource<AllTypes>(new SqliteSourceOptions(DatabasePath) { Table = "all_types" }), 2);

        Assert.Equal(rows.OrderBy(r => r.Id), read.OrderBy(r => r.Id));
        Assert.Equal(DateTimeKind.Utc, read.Single(r => r.Id == 3).When.Kind);
        Assert.Equal(
            [
                "0001-01-02 | 00:00:00 | 23:59:59.999999 | 0001-01-02 00:00:00.001 | 1970-01-01 00:00:00+00:00 | 2024-02-29 23:59:59.000123+05:30",
                "2024-02-29 | 00:00:00.000001 | 00:00:00.000001 | 2024-03-05 14:22:10Z | 2024-03-05 14:22:10-08:00 | 9999-12-31 23:59:59.999999+00:00",
            ],
            Strings("SELECT day || ' | ' || time || ' | ' || optional_time || ' | ' || \"when\" || ' | ' || instant || ' | ' || optional_instant FROM all_types WHERE id IN (1, 3) ORDER BY id"));
    }

    [Fact]
    public async Task Array_fields_round_trip_as_json_text()
    {
        var rows = new[] { new Tagged(1, [int.MinValue, 7], ["Zoë", ""], [0.1], [DateTimeOffset.UnixEpoch], [Guid.Empty]), new Tagged(2, [], null, [], [], []) };
        await using (var destination = new SqliteDestination<Tagged>(new SqliteDestinationOptions(DatabasePath)))
        {
            await destination.ConnectAsync(TestContext.Current.CancellationToken);
            await destination.CreateSchemaAsync(Tagged.Schema, TestContext.Current.CancellationToken);
            await destination.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await destination.WriteAsync(rows, TestContext.Current.CancellationToken);
            await destination.CommitAsync(TestContext.Current.CancellationToken);
        }

        var (read, _) = await SourceReading.ReadAllAsync(new SqliteSource<Tagged>(new SqliteSourceOptions(DatabasePath) { Table = "tagged" }), 10);

        Assert.All(rows.Zip(read.OrderBy(r => r.Id)), pair => Assert.True(pair.First.SameAs(pair.Second), $"{pair.First} != {pair.Second}"));
        Assert.Equal(["[-2147483648,7]"], Strings("SELECT numbers FROM tagged WHERE id = 1"));
    }

    [Fact]
    public async Task A_new_database_gets_the_page_size_and_an_existing_one_keeps_its_own()
    {
        await LoadAsync([Sample(1), Sample(2)], Options());
        Assert.Equal(["16384"], Strings("PRAGMA page_size"));

        var other = Path.Combine(_directory, "small-pages.db");
        await LoadAsync([Sample(1)], new SqliteDestinationOptions(other) { Table = "all_types", PageSize = 1024 });
        await LoadAsync([Sample(2)], new SqliteDestinationOptions(other) { Table = "all_types", PageSize = 65536 });
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = other, Pooling = false }.ToString()))
        {
            connection.Open();
            Assert.Equal(["1024"], SqliteTestFile.Strings(connection, "PRAGMA page_size"));
            Assert.Equal(["1", "2"], SqliteTestFile.Strings(connection, "SELECT id FROM all_types ORDER BY id"));
        }

        foreach (var bad in new[] { 0, 256, 3000, 131072 })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteDestination<AllTypes>(Options() with { PageSize = bad }));
            Assert.Contains("power of two from 512 to 65536", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Merge_upserts_on_the_primary_key_and_is_refused_without_one()
    {
        await LoadAsync([Sample(1), Sample(2)], Options());
        await LoadAsync([Sample(2) with { Text = "first" }, Sample(3), Sample(2) with { Text = "updated" }], Options() with { WriteMode = WriteMode.Merge });

        Assert.Equal(["1 text 1", "2 updated", "3 text 3"], Strings("SELECT id || ' ' || text FROM all_types ORDER BY id"));

        var schema = new Schema("keyless", [new Field("name", FieldType.String)]);
        await using var destination = new SqliteDestination<Record, RecordCodec>(new SqliteDestinationOptions(DatabasePath) { WriteMode = WriteMode.Merge }, new RecordCodec(schema, new RecordMetadata("t", "t")));
        await destination.ConnectAsync(TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<SchemaException>(async () => await destination.CreateSchemaAsync(schema, TestContext.Current.CancellationToken));
        Assert.Contains("write mode merge needs a primary key, and schema keyless has none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_into_a_table_without_a_unique_key_names_the_problem()
    {
        Execute("CREATE TABLE events (id INTEGER, name TEXT NOT NULL, updated_at TEXT NOT NULL)");
        await using var destination = new SqliteDestination<Event>(new SqliteDestinationOptions(DatabasePath) { WriteMode = WriteMode.Merge });
        await destination.ConnectAsync(TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SchemaException>(async () => await destination.CreateSchemaAsync(Event.Schema, TestContext.Current.CancellationToken));

        Assert.Contains("cannot prepare the table 'events' for write mode Merge", error.Message, StringComparison.Ordinal);
        Assert.Contains("ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_swaps_in_at_the_end_and_a_failed_replace_keeps_the_old_rows()
    {
        await LoadAsync([Sample(1), Sample(2), Sample(3)], Options());
        await LoadAsync([Sample(10), Sample(11)], Options() with { WriteMode = WriteMode.Replace }, batchSize: 1);
        Assert.Equal(["10", "11"], Strings("SELECT id FROM all_types ORDER BY id"));

        var failed = await RunAsync([Sample(20), Sample(21), Sample(20)], Options() with { WriteMode = WriteMode.Replace }, batchSize: 2);

        Assert.False(failed.Success);
        Assert.Equal(["10", "11"], Strings("SELECT id FROM all_types ORDER BY id"));
        Assert.Equal(["all_types"], Strings("SELECT name FROM sqlite_master WHERE type = 'table'"));
    }

    [Fact]
    public async Task A_reader_during_a_replace_never_sees_an_empty_or_half_table()
    {
        await LoadAsync([.. Enumerable.Range(1, 300).Select(i => Sample(i))], Options());
        using var stop = new CancellationTokenSource();
        var seen = new HashSet<long>();
        var watcher = Task.Run(
            () =>
            {
                using var connection = Open();
                while (!stop.IsCancellationRequested)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "SELECT count(*) FROM all_types";
                    seen.Add((long)command.ExecuteScalar()!);
                }
            },
            TestContext.Current.CancellationToken);

        await LoadAsync([.. Enumerable.Range(1000, 700).Select(i => Sample(i))], Options() with { WriteMode = WriteMode.Replace }, batchSize: 50);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await watcher;

        Assert.Subset(new HashSet<long> { 300, 700 }, seen);
        Assert.Contains(700L, seen);
    }

    [Fact]
    public async Task Evolve_schema_adds_missing_nullable_columns()
    {
        Execute("CREATE TABLE events (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");

        var refused = await RunEventsAsync([new Event(1, "a", T0)], new SqliteDestinationOptions(DatabasePath));
        Assert.Contains("column 'updated_at' (TEXT) is missing; it is NOT NULL", PostgresDestinationTests.Errors(refused), StringComparison.Ordinal);

        var schema = new Schema("events", [new Field("id", FieldType.Integer) { IsNullable = false }, new Field("name", FieldType.String) { IsNullable = false }, new Field("note", FieldType.String)]) { PrimaryKey = ["id"] };
        var codec = new RecordCodec(schema, new RecordMetadata("t", "t"));
        await using (var destination = new SqliteDestination<Record, RecordCodec>(new SqliteDestinationOptions(DatabasePath) { EvolveSchema = true }, codec))
        {
            await destination.ConnectAsync(TestContext.Current.CancellationToken);
            await destination.CreateSchemaAsync(schema, TestContext.Current.CancellationToken);
            await destination.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await destination.WriteAsync(new[] { new Record(new() { ["id"] = 1L, ["name"] = "a", ["note"] = "added" }, new RecordMetadata("t", "t")) }, TestContext.Current.CancellationToken);
            await destination.CommitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(["1 a added"], Strings("SELECT id || ' ' || name || ' ' || note FROM events"));
    }

    [Fact]
    public async Task A_full_read_and_a_query_read_stream_every_row()
    {
        await RunEventsAsync([.. Enumerable.Range(1, 25).Select(i => new Event(i, $"event {i}", T0.AddMinutes(i)))], new SqliteDestinationOptions(DatabasePath));

        var (rows, states) = await SourceReading.ReadAllAsync(new SqliteSource<Event>(new SqliteSourceOptions(DatabasePath) { Table = "events" }), 10);
        var (even, _) = await SourceReading.ReadAllAsync(new SqliteSource<Event>(new SqliteSourceOptions(DatabasePath) { Query = "SELECT * FROM events WHERE id % 2 = 0" }), 10);

        Assert.Equal(Enumerable.Range(1, 25).Select(i => new Event(i, $"event {i}", T0.AddMinutes(i))), rows.OrderBy(r => r.Id));
        Assert.Equal([10L, 20L, 25L], states.Select(s => s.RecordsProcessed));
        Assert.Equal(12, even.Count);
    }

    [Fact]
    public async Task The_catalog_schema_maps_declared_types_back()
    {
        Execute("CREATE TABLE shapes (id INTEGER NOT NULL, score REAL, price NUMERIC, ok BOOLEAN, day DATE, at DATETIME, label TEXT, PRIMARY KEY (id))");

        var schema = await SqliteCatalog.GetSchemaAsync(new SqliteSourceOptions(DatabasePath) { Table = "shapes" }, TestContext.Current.CancellationToken);

        Assert.Equal(["id Integer False", "score Float True", "price Decimal True", "ok Boolean True", "day Date True", "at DateTime True", "label String True"], schema.Fields.Select(f => $"{f.Name} {f.Type} {f.IsNullable}"));
        Assert.Equal(["id"], schema.PrimaryKey!);
    }

    [Fact]
    public async Task The_dynamic_path_reads_records_with_the_catalog_schema()
    {
        await RunEventsAsync([new Event(1, "Zoë", T0), new Event(2, "b", T0.AddDays(1))], new SqliteDestinationOptions(DatabasePath));
        var options = new SqliteSourceOptions(DatabasePath) { Table = "events" };
        var schema = await SqliteCatalog.GetSchemaAsync(options, TestContext.Current.CancellationToken);

        var (records, _) = await SourceReading.ReadAllAsync(new SqliteSource<Record, RecordCodec>(options, new RecordCodec(schema, new RecordMetadata("sqlite", "events"))), 10);

        Assert.Equal(["id Integer", "name String", "updated_at String"], schema.Fields.Select(f => $"{f.Name} {f.Type}"));
        Assert.Equal([1L, 2L], records.Select(r => r.Data["id"]));
        Assert.Equal("Zoë", records[0].Data["name"]);
        Assert.Equal("2024-06-02 12:00:00", records[1].Data["updated_at"]);
    }

    [Fact]
    public async Task Incremental_reads_take_only_newer_rows_and_keep_boundary_rows_exact()
    {
        await RunEventsAsync([.. Enumerable.Range(1, 7).Select(i => new Event(i, $"event {i}", T0))], new SqliteDestinationOptions(DatabasePath));
        var options = new SqliteSourceOptions(DatabasePath) { Table = "events", CursorColumn = "updated_at" };

        var (first, states) = await SourceReading.ReadAllAsync(new SqliteSource<Event>(options), 3, maxBatches: 1);
        await RunEventsAsync([new Event(8, "event 8", T0), new Event(9, "late", T0.AddDays(-1)), new Event(10, "newer", T0.AddHours(1))], new SqliteDestinationOptions(DatabasePath));
        var resumed = new SqliteSource<Event>(options);
        resumed.SetState(states[0]);
        var (rest, restStates) = await SourceReading.ReadAllAsync(resumed, 3);
        var again = new SqliteSource<Event>(options);
        again.SetState(restStates[^1]);
        var (nothing, _) = await SourceReading.ReadAllAsync(again, 3);

        Assert.Equal([1L, 2, 3], first.Select(r => r.Id));
        Assert.Equal([4L, 5, 6, 7, 8, 10], rest.Select(r => r.Id));
        Assert.Empty(nothing);
    }

    private static AllTypes Sample(long id) => PostgresDestinationTests.Sample(id);

    private SqliteDestinationOptions Options() => new(DatabasePath) { Table = "all_types" };

    private async Task LoadAsync(AllTypes[] rows, SqliteDestinationOptions options, int batchSize = 1000)
    {
        var result = await RunAsync(rows, options, batchSize);
        Assert.True(result.Success, PostgresDestinationTests.Errors(result));
    }

    private static Task<PipelineResult> RunAsync(AllTypes[] rows, SqliteDestinationOptions options, int batchSize) =>
        EtlPipeline.Create<AllTypes>("sqlite-modes")
            .From(new EnumerableSource<AllTypes>(rows))
            .To(new SqliteDestination<AllTypes>(options))
            .WithOptions(new PipelineOptions { BatchSize = batchSize, RetryPolicy = RetryPolicy.None })
            .RunAsync(TestContext.Current.CancellationToken);

    private static Task<PipelineResult> RunEventsAsync(Event[] rows, SqliteDestinationOptions options) =>
        EtlPipeline.Create<Event>("sqlite-events")
            .From(new EnumerableSource<Event>(rows))
            .To(new SqliteDestination<Event>(options))
            .WithOptions(new PipelineOptions { RetryPolicy = RetryPolicy.None })
            .RunAsync(TestContext.Current.CancellationToken);

    private SqliteConnection Open() => SqliteTestFile.Open(DatabasePath);

    private void Execute(string sql)
    {
        using var connection = Open();
        SqliteTestFile.Execute(connection, sql);
    }

    private List<string> Strings(string sql)
    {
        using var connection = Open();
        return SqliteTestFile.Strings(connection, sql);
    }
}
