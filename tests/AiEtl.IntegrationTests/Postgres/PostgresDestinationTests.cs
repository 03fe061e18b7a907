using System.Diagnostics;
using System.Text.Json;
using AiEtl.Postgres;

namespace AiEtl.IntegrationTests.Postgres;

public sealed class PostgresDestinationTests : IAsyncDisposable
{
    private readonly PostgresTestDatabase _db = new("dest");

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    internal static AllTypes Sample(long id) => new(
        id, $"text {id}", null, $"{{\"id\":{id}}}", null, 1, (int)id, id * 1000, null, 1.5f, id * 0.25, null, id + 0.01m, null,
        id % 2 == 0, null, new DateOnly(2024, 1, 1).AddDays((int)id), null, new TimeOnly(8, 30), null,
        new DateTime(2024, 1, 1, 12, 0, 0).AddMinutes(id), null, new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero).AddSeconds(id), null,
        Guid.Empty, null, Level.Low);

    internal static AllTypes[] Extremes() =>
    [
        new(
            1, "Zoë \"quoted\", with comma; 😀 中文 \n newline \t tab \\ backslash", "", "{\"b\":1,\"a\":[1,2,{\"c\":null}],\"u\":\"é😀\"}", "[]",
            short.MinValue, int.MinValue, long.MinValue, int.MaxValue,
            float.MaxValue, double.MaxValue, double.Epsilon,
            decimal.MaxValue, 0.0000000000000000000000000001m,
            true, false,
            new DateOnly(1, 1, 2), new DateOnly(9999, 12, 30),
            TimeOnly.MinValue, new TimeOnly(23, 59, 59, 999, 999),
            new DateTime(1, 1, 2, 0, 0, 0, 1), new DateTime(9999, 12, 30, 23, 59, 59, DateTimeKind.Unspecified).AddTicks(9_999_990),
            new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(5.5)).AddTicks(1230),
            Guid.Parse("01234567-89ab-cdef-0123-456789abcdef"), Guid.Empty, Level.High),
        new(
            2, "", null, "null", null,
            short.MaxValue, int.MaxValue, long.MaxValue, null,
            float.MinValue, double.MinValue, null,
            decimal.MinValue, null,
            false, null,
            DateOnly.MaxValue, DateOnly.MinValue,
            new TimeOnly(12, 0), null,
            DateTime.MaxValue, DateTime.MinValue,
            DateTimeOffset.UnixEpoch, null,
            Guid.NewGuid(), null, Level.Low),
        new(
            3, new string('x', 100_000), "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "{\"deep\":{\"list\":[true,false,1.5e300]}}", "\"just a string\"",
            0, 0, 0, 0,
            float.NaN, double.PositiveInfinity, double.NegativeInfinity,
            -0.5m, 12345678901234567890.123456789m,
            true, true,
            new DateOnly(2024, 2, 29), new DateOnly(2024, 2, 29),
            new TimeOnly(0, 0, 0, 0, 1), new TimeOnly(0, 0, 0, 0, 1),
            new DateTime(2024, 3, 5, 14, 22, 10, DateTimeKind.Utc), new DateTime(2024, 3, 5, 14, 22, 10, DateTimeKind.Local),
            new DateTimeOffset(2024, 3, 5, 14, 22, 10, TimeSpan.FromHours(-8)), DateTimeOffset.MaxValue.AddTicks(-9),
            Guid.NewGuid(), Guid.NewGuid(), Level.High),
    ];

    [Fact]
    public async Task Every_field_type_round_trips_exactly_through_binary_copy_and_the_source()
    {
        var rows = Extremes();

        await LoadAsync(rows, _db.Destination("all_types"));

        Assert.Equal(
            ["id bigint NO", "text text NO", "optional_text text YES", "json jsonb NO", "optional_json jsonb YES", "small bigint NO", "number bigint NO", "big bigint NO",
             "optional_number bigint YES", "single double precision NO", "double double precision NO", "optional_double double precision YES",
             "money numeric NO", "optional_money numeric YES", "flag boolean NO", "optional_flag boolean YES", "day date NO", "optional_day date YES",
             "time time without time zone NO", "optional_time time without time zone YES", "when timestamp without time zone NO",
             "optional_when timestamp without time zone YES", "instant timestamp with time zone NO", "optional_instant timestamp with time zone YES",
             "key uuid NO", "optional_key uuid YES", "level text NO"],
            _db.Strings($"SELECT column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns WHERE table_schema = '{_db.Schema}' AND table_name = 'all_types' ORDER BY ordinal_position"));
        Assert.Equal(["id"], _db.Strings($"SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = '\"{_db.Schema}\".all_types'::regclass AND i.indisprimary"));

        var (read, _) = await SourceReading.ReadAllAsync(new PostgresSource<AllTypes>(_db.Source("all_types")), batchSize: 2);

        Assert.Equal(rows.Length, read.Count);
        foreach (var (expected, actual) in rows.OrderBy(r => r.Id).Zip(read.OrderBy(r => r.Id)))
        {
            // JSONB keeps the value, not the text (key order, spaces): compare JSON values.
            Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(expected.Json).RootElement, JsonDocument.Parse(actual.Json).RootElement), actual.Json);
            Assert.Equal(expected.OptionalJson is null, actual.OptionalJson is null);
            Assert.Equal(expected with { Json = "", OptionalJson = null, OptionalWhen = null }, actual with { Json = "", OptionalJson = null, OptionalWhen = null });

            // A timestamp column keeps the wall-clock time; the Kind is not stored.
            Assert.Equal(expected.OptionalWhen?.Ticks, actual.OptionalWhen?.Ticks);
            Assert.Equal(expected.Instant.UtcTicks, actual.Instant.UtcTicks);
        }
    }

    [Fact]
    public async Task Array_fields_round_trip_as_postgres_arrays_typed_and_dynamic()
    {
        var times = new[] { DateTimeOffset.UnixEpoch, new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)) };
        var rows = new[]
        {
            new Tagged(1, [int.MinValue, 0, int.MaxValue], ["a", "Zoë \"q\"", ""], [1.5, double.MaxValue], times, [Guid.Empty]),
            new Tagged(2, [], null, [], [], []),
        };

        await using (var destination = new PostgresDestination<Tagged>(_db.Destination("tagged")))
        {
            await WriteByHandAsync(destination, Tagged.Schema, rows);
        }

        Assert.Equal(
            ["id bigint", "numbers bigint[]", "names text[]", "scores double precision[]", "times timestamp with time zone[]", "keys uuid[]"],
            _db.Strings($"SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = '\"{_db.Schema}\".tagged'::regclass AND a.attnum > 0 ORDER BY a.attnum"));
        var (typed, _) = await SourceReading.ReadAllAsync(new PostgresSource<Tagged>(_db.Source("tagged")), 10);
        Assert.All(rows.Zip(typed.OrderBy(r => r.Id)), pair => Assert.True(pair.First.SameAs(pair.Second), $"{pair.First} != {pair.Second}"));

        // The dynamic path: schema from the catalog, arrays as JSON text, written back into a second table.
        var schema = await PostgresCatalog.GetSchemaAsync(_db.Source("tagged"), TestContext.Current.CancellationToken);
        Assert.Equal(["id Integer", "numbers Array Integer", "names Array String", "scores Array Float", "times Array Timestamp", "keys Array Guid"], schema.Fields.Select(f => $"{f.Name} {f.Type}{(f.ElementType is { } e ? $" {e}" : "")}"));
        Assert.Equal(["id"], schema.PrimaryKey!);
        var codec = new RecordCodec(schema, new RecordMetadata("postgres", "tagged"));
        var (records, _) = await SourceReading.ReadAllAsync(new PostgresSource<Record, RecordCodec>(_db.Source("tagged"), codec), 10);
        Assert.Equal("[-2147483648,0,2147483647]", records.Single(r => (long)r.Data["id"]! == 1).Data["numbers"]);
        var result = await EtlPipeline.Create<Record>("pg-dynamic")
            .From(new PostgresSource<Record, RecordCodec>(_db.Source("tagged"), codec))
            .To(new PostgresDestination<Record, RecordCodec>(_db.Destination("tagged_copy"), codec))
            .WithOptions(new PipelineOptions { RetryPolicy = RetryPolicy.None })
            .RunAsync(TestContext.Current.CancellationToken);
        Assert.True(result.Success, Errors(result));
        Assert.Equal(
            _db.Strings($"SELECT t::text FROM \"{_db.Schema}\".tagged t ORDER BY id"),
            _db.Strings($"SELECT t::text FROM \"{_db.Schema}\".tagged_copy t ORDER BY id"));
    }

    [Fact]
    public async Task Arrays_of_every_element_type_and_empty_ones_are_encoded_as_postgres_stores_them()
    {
        Field Array(string name, FieldType element) => new(name, FieldType.Array) { ElementType = element };
        var schema = new Schema("arrays", [
            new Field("id", FieldType.Integer) { IsNullable = false },
            Array("amounts", FieldType.Decimal), Array("flags", FieldType.Boolean), Array("days", FieldType.Date),
            Array("hours", FieldType.Time), Array("moments", FieldType.DateTime), Array("names", FieldType.String)])
        {
            PrimaryKey = ["id"],
        };
        var codec = new RecordCodec(schema, new RecordMetadata("test", "arrays"));
        Record Row(long id, string amounts, string flags, string days, string hours, string moments, string? names) => new(
            new Dictionary<string, object?> { ["id"] = id, ["amounts"] = amounts, ["flags"] = flags, ["days"] = days, ["hours"] = hours, ["moments"] = moments, ["names"] = names },
            new RecordMetadata("test", "arrays"),
            schema);
        Record[] rows = [
            Row(1, "[1234.50,-0.001,0]", "[true,false]", "[\"2024-02-29\",\"1999-12-31\"]", "[\"23:59:59.999999\"]", "[\"2024-05-06T07:08:09.123456\"]", "[\"a\",\"b,c\",\"\"]"),
            Row(2, "[]", "[]", "[]", "[]", "[]", null),
        ];

        await using (var destination = new PostgresDestination<Record, RecordCodec>(_db.Destination("arrays"), codec))
        {
            await WriteByHandAsync(destination, schema, rows);

            // Encoded by the library's own COPY encoder (on any thread), not by Npgsql's importer.
            Assert.True(destination.EncodesAhead);
        }

        Assert.Equal(
            [
                "(1,\"{1234.50,-0.001,0}\",\"{t,f}\",\"{2024-02-29,1999-12-31}\",{23:59:59.999999},\"{\"\"2024-05-06 07:08:09.123456\"\"}\",\"{a,\"\"b,c\"\",\"\"\"\"}\")",
                "(2,{},{},{},{},{},)",
            ],
            _db.Strings($"SELECT t::text FROM \"{_db.Schema}\".arrays t ORDER BY id"));
    }

    [Fact]
    public async Task Create_if_missing_creates_the_postgres_schema_and_the_table()
    {
        await LoadAsync([Sample(1)], _db.Destination("fresh"));

        Assert.Equal(["1"], _db.Strings($"SELECT id FROM \"{_db.Schema}\".fresh"));
    }

    [Fact]
    public async Task Fail_if_missing_refuses_a_missing_table_naming_it()
    {
        var result = await RunAsync([Sample(1)], _db.Destination("absent") with { SchemaMode = SchemaMode.FailIfMissing });

        Assert.False(result.Success);
        Assert.Contains($"'{_db.Schema}.absent' does not exist and the schema mode is fail_if_missing", Errors(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drop_and_create_starts_from_an_empty_table()
    {
        await LoadAsync([Sample(1), Sample(2)], _db.Destination("dropped"));
        await LoadAsync([Sample(3)], _db.Destination("dropped") with { SchemaMode = SchemaMode.DropAndCreate });

        Assert.Equal(["3"], _db.Strings($"SELECT id FROM \"{_db.Schema}\".dropped"));
    }

    [Fact]
    public async Task An_existing_table_that_differs_is_refused_with_every_difference()
    {
        _db.Execute($"CREATE SCHEMA \"{_db.Schema}\"; CREATE TABLE \"{_db.Schema}\".differs (id bigint PRIMARY KEY, text integer, extra text NOT NULL)");

        var result = await RunAsync([Sample(1)], _db.Destination("differs"));

        Assert.False(result.Success);
        var message = Errors(result);
        Assert.Contains($"the table '{_db.Schema}.differs' differs from schema all_types", message, StringComparison.Ordinal);
        Assert.Contains("column 'text' is integer, the schema needs TEXT", message, StringComparison.Ordinal);
        Assert.Contains("column 'optional_text' (TEXT) is missing", message, StringComparison.Ordinal);
        Assert.Contains("column 'json' (JSONB) is missing; it is NOT NULL", message, StringComparison.Ordinal);
        Assert.Contains("column 'extra' is NOT NULL without a default and not in the schema", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evolve_schema_adds_missing_nullable_columns_and_writes_into_compatible_types()
    {
        await LoadAsync([Sample(1)], _db.Destination("evolving"));
        _db.Execute($"ALTER TABLE \"{_db.Schema}\".evolving DROP COLUMN optional_text, DROP COLUMN optional_money; ALTER TABLE \"{_db.Schema}\".evolving ALTER COLUMN number TYPE integer, ALTER COLUMN small TYPE smallint");

        var refused = await RunAsync([Sample(2)], _db.Destination("evolving"));
        Assert.False(refused.Success);
        Assert.Contains("column 'optional_text' (TEXT) is missing; column 'optional_money' (NUMERIC) is missing (EvolveSchema adds missing nullable columns)", Errors(refused), StringComparison.Ordinal);

        await LoadAsync([Sample(2) with { OptionalText = "added", OptionalMoney = 2.5m }], _db.Destination("evolving") with { EvolveSchema = true });

        Assert.Equal(["1 <null> 1", "2 added 2"], _db.Strings($"SELECT id || ' ' || coalesce(optional_text, '<null>') || ' ' || number FROM \"{_db.Schema}\".evolving ORDER BY id"));
        Assert.Equal(["integer"], _db.Strings($"SELECT data_type FROM information_schema.columns WHERE table_schema = '{_db.Schema}' AND table_name = 'evolving' AND column_name = 'number'"));
    }

    [Fact]
    public async Task Append_adds_rows_and_merge_upserts_on_the_primary_key()
    {
        await LoadAsync([Sample(1), Sample(2)], _db.Destination("modes"));
        await LoadAsync([Sample(3)], _db.Destination("modes"));
        Assert.Equal(3, _db.Count("modes"));

        // Within one batch the last row of a key wins, as one upsert per row would.
        await LoadAsync(
            [Sample(2) with { Text = "first" }, Sample(4), Sample(2) with { Text = "updated" }],
            _db.Destination("modes") with { WriteMode = WriteMode.Merge });

        Assert.Equal(["1 text 1", "2 updated", "3 text 3", "4 text 4"], _db.Strings($"SELECT id || ' ' || text FROM \"{_db.Schema}\".modes ORDER BY id"));
    }

    [Fact]
    public async Task Merge_is_refused_without_a_primary_key()
    {
        var schema = new Schema("keyless", [new Field("name", FieldType.String)]);
        var codec = new RecordCodec(schema, new RecordMetadata("test", "test"));
        await using var destination = new PostgresDestination<Record, RecordCodec>(_db.Destination("keyless") with { WriteMode = WriteMode.Merge }, codec);
        await destination.ConnectAsync(TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SchemaException>(async () => await destination.CreateSchemaAsync(schema, TestContext.Current.CancellationToken));

        Assert.Contains("write mode merge needs a primary key, and schema keyless has none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_into_an_existing_table_without_a_unique_key_is_refused()
    {
        _db.Execute($"CREATE SCHEMA \"{_db.Schema}\"; CREATE TABLE \"{_db.Schema}\".unkeyed (id bigint NOT NULL, name text NOT NULL, updated_at timestamp NOT NULL)");
        await using var destination = new PostgresDestination<Event>(_db.Destination("unkeyed") with { WriteMode = WriteMode.Merge });
        await destination.ConnectAsync(TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SchemaException>(async () => await destination.CreateSchemaAsync(Event.Schema, TestContext.Current.CancellationToken));

        Assert.Contains($"write mode merge needs a primary key or unique index on (id) in '{_db.Schema}.unkeyed', and it has none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_swaps_the_new_rows_in_at_the_end_and_a_failed_replace_keeps_the_old_ones()
    {
        await LoadAsync([Sample(1), Sample(2), Sample(3)], _db.Destination("replaced"));

        await LoadAsync([Sample(10), Sample(11)], _db.Destination("replaced") with { WriteMode = WriteMode.Replace }, batchSize: 1);
        Assert.Equal(["10", "11"], _db.Strings($"SELECT id FROM \"{_db.Schema}\".replaced ORDER BY id"));

        // A duplicate key fails the run in its second batch: the table keeps the rows it had, and no staging table is left.
        var failed = await RunAsync([Sample(20), Sample(21), Sample(20)], _db.Destination("replaced") with { WriteMode = WriteMode.Replace }, batchSize: 2);
        Assert.False(failed.Success);
        Assert.Equal(["10", "11"], _db.Strings($"SELECT id FROM \"{_db.Schema}\".replaced ORDER BY id"));
        Assert.Equal(["replaced"], _db.Strings($"SELECT table_name FROM information_schema.tables WHERE table_schema = '{_db.Schema}'"));
    }

    [Fact]
    public async Task A_reader_during_a_replace_never_sees_an_empty_or_half_table()
    {
        await LoadAsync([.. Enumerable.Range(1, 500).Select(i => Sample(i))], _db.Destination("watched"));
        using var stop = new CancellationTokenSource();
        var seen = new HashSet<long>();
        var watcher = Task.Run(
            async () =>
            {
                await using var connection = _db.Open();
                while (!stop.IsCancellationRequested)
                {
                    await using var command = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM \"{_db.Schema}\".watched", connection);
                    seen.Add((long)(await command.ExecuteScalarAsync())!);
                }
            },
            TestContext.Current.CancellationToken);

        await LoadAsync([.. Enumerable.Range(1000, 800).Select(i => Sample(i))], _db.Destination("watched") with { WriteMode = WriteMode.Replace }, batchSize: 50);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await watcher;

        Assert.Equal(800, _db.Count("watched"));
        Assert.Subset(new HashSet<long> { 500, 800 }, seen);
        Assert.Contains(800L, seen);
    }

    [Fact]
    public async Task A_batch_that_fails_midway_leaves_the_table_as_before_that_batch()
    {
        await LoadAsync([Sample(1)], _db.Destination("midway"));

        // The default retry policy: rejected data is not retried, so this fails at once.
        var clock = Stopwatch.StartNew();
        var result = await RunAsync([Sample(2), Sample(3), Sample(4), Sample(5), Sample(1), Sample(6)], _db.Destination("midway"), batchSize: 3, retry: RetryPolicy.Default);

        Assert.False(result.Success);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.Equal(nameof(DataRejectedException), Assert.Single(result.Errors).ErrorType);
        Assert.Equal(PipelineStage.Load, result.Errors[0].Stage);
        var message = Errors(result);
        Assert.Contains("duplicate key value violates unique constraint", message, StringComparison.Ordinal);
        Assert.Contains($"/{_db.Schema}.midway", message, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3", "4"], _db.Strings($"SELECT id FROM \"{_db.Schema}\".midway ORDER BY id"));
    }

    [Fact]
    public async Task A_value_that_cannot_be_encoded_ahead_names_its_row_and_column_and_loads_nothing_of_its_batch()
    {
        await LoadAsync([Sample(1)], _db.Destination("unencodable"));

        // A lone surrogate is not text PostgreSQL can store; the batch is encoded on the thread pool, before any COPY.
        var result = await RunAsync([Sample(2), Sample(3) with { Text = "a\uD800b" }, Sample(4), Sample(5)], _db.Destination("unencodable"), batchSize: 3);

        Assert.False(result.Success);
        Assert.Equal(nameof(DataRejectedException), Assert.Single(result.Errors).ErrorType);
        Assert.Equal(PipelineStage.Load, result.Errors[0].Stage);
        // Named by its place in the source (the second row of the input, id 3), not by its place in the batch.
        Assert.Contains("row 2 column 'text': the row with id=3 was rejected", Errors(result), StringComparison.Ordinal);
        Assert.Equal("text", result.Errors[0].Location?.ColumnName);
        Assert.Equal(["1"], _db.Strings($"SELECT id FROM \"{_db.Schema}\".unencodable ORDER BY id"));
    }

    [Fact]
    public async Task Disposing_inside_a_transaction_rolls_it_back()
    {
        await LoadAsync([Sample(1)], _db.Destination("disposed"));
        await using (var destination = new PostgresDestination<AllTypes>(_db.Destination("disposed")))
        {
            await destination.ConnectAsync(TestContext.Current.CancellationToken);
            await destination.CreateSchemaAsync(AllTypes.Schema, TestContext.Current.CancellationToken);
            await destination.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await destination.WriteAsync(new[] { Sample(2), Sample(3) }, TestContext.Current.CancellationToken);
        }

        Assert.Equal(["1"], _db.Strings($"SELECT id FROM \"{_db.Schema}\".disposed"));
    }

    [Theory]
    [InlineData("victims\"; DROP TABLE victims; --", "plain")]
    [InlineData("plain", "id\" bigint); DROP TABLE victims; --")]
    [InlineData("it's \"quoted\"", "name with 'quotes' and \"doubles\"")]
    public async Task A_hostile_table_or_column_name_is_only_a_name(string table, string column)
    {
        _db.Execute($"CREATE SCHEMA \"{_db.Schema}\"; CREATE TABLE \"{_db.Schema}\".victims (x integer)");
        var schema = new Schema("hostile", [new Field(column, FieldType.String)]);
        var codec = new RecordCodec(schema, new RecordMetadata("test", "test"));
        var options = _db.Destination(table);
        await using (var destination = new PostgresDestination<Record, RecordCodec>(options, codec))
        {
            await WriteByHandAsync(destination, schema, [new Record(new Dictionary<string, object?> { [column] = "value" }, new RecordMetadata("test", "test"), schema)]);
        }

        Assert.Equal(new[] { table, "victims" }.Order(StringComparer.Ordinal), _db.Strings($"SELECT table_name FROM information_schema.tables WHERE table_schema = '{_db.Schema}'").Order(StringComparer.Ordinal));
        Assert.Equal([column], _db.Strings($"SELECT column_name FROM information_schema.columns WHERE table_schema = '{_db.Schema}' AND table_name = '{table.Replace("'", "''", StringComparison.Ordinal)}'"));
        Assert.Equal(["value"], _db.Strings($"SELECT {PostgresDialect.Quote(column)} FROM {PostgresDialect.QualifiedName(_db.Schema, table)}"));
    }

    [Fact]
    public async Task A_hostile_schema_name_is_only_a_name()
    {
        var hostile = "s\"; DROP SCHEMA public CASCADE; --" + Guid.NewGuid().ToString("N")[..6];
        try
        {
            await LoadAsync([Sample(1)], _db.Destination("t") with { Schema = hostile });
            Assert.Equal(["1"], _db.Strings($"SELECT id FROM {PostgresDialect.QualifiedName(hostile, "t")}"));
            Assert.Equal(["public"], _db.Strings("SELECT nspname FROM pg_namespace WHERE nspname = 'public'"));
        }
        finally
        {
            _db.Execute($"DROP SCHEMA IF EXISTS {PostgresDialect.Quote(hostile)} CASCADE");
        }
    }

    [Fact]
    public void An_identifier_postgres_would_truncate_or_with_a_nul_is_refused()
    {
        Assert.Contains("longer than PostgreSQL's 63 bytes", Assert.Throws<SchemaException>(() => PostgresDialect.Quote(new string('é', 32))).Message, StringComparison.Ordinal);
        Assert.Contains("NUL", Assert.Throws<SchemaException>(() => PostgresDialect.Quote("a\0b")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Username", "no_such_user_aietl")]
    [InlineData("Database", "no_such_database_aietl")]
    public async Task A_permanent_connection_failure_fails_at_once_without_the_password(string setting, string value)
    {
        const string Password = "s3cret-Pa55word";
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(_db.ConnectionString) { [setting] = value };
        var options = new PostgresDestinationOptions { ConnectionString = builder.ConnectionString, Password = Password, Schema = _db.Schema, Table = "never" };

        var clock = Stopwatch.StartNew();
        var result = await RunAsync([Sample(1)], options, retry: RetryPolicy.Default);

        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(PipelineConfigurationException), error.ErrorType);
        Assert.False(error.Retryable);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, options.ToString(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}: a permanent failure must not wait for retries");
    }

    [Fact]
    public async Task A_refused_connection_is_a_retried_connection_failure()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(_db.ConnectionString) { Port = FreePort(), Timeout = 2 };
        var options = new PostgresDestinationOptions { ConnectionString = builder.ConnectionString, Password = "s3cret-Pa55word", Schema = _db.Schema, Table = "never" };
        var retry = new RetryPolicy { MaxRetries = 2, MaxBackoffSeconds = 0.05 };

        var clock = Stopwatch.StartNew();
        var result = await RunAsync([Sample(1)], options, retry: retry);

        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(ConnectionFailedException), error.ErrorType);
        Assert.True(error.Retryable);
        Assert.DoesNotContain("s3cret-Pa55word", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(100), "two retries wait at least 2 x 50 ms");
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string Errors(PipelineResult result) => string.Join("; ", result.Errors.Select(e => e.Message));

    private async Task LoadAsync(AllTypes[] rows, PostgresDestinationOptions options, int batchSize = 1000)
    {
        var result = await RunAsync(rows, options, batchSize);
        Assert.True(result.Success, Errors(result));
    }

    // One transaction per batch, as the tests of a failing batch expect (PostgreSQL's default is 10).
    private static Task<PipelineResult> RunAsync(AllTypes[] rows, PostgresDestinationOptions options, int batchSize = 1000, RetryPolicy? retry = null) =>
        EtlPipeline.Create<AllTypes>("pg-test")
            .From(new EnumerableSource<AllTypes>(rows))
            .To(new PostgresDestination<AllTypes>(options))
            .WithOptions(new PipelineOptions { BatchSize = batchSize, CommitEvery = 1, RetryPolicy = retry ?? RetryPolicy.None })
            .RunAsync(TestContext.Current.CancellationToken);

    private static async Task WriteByHandAsync<T>(IDestination<T> destination, Schema schema, T[] rows)
    {
        var token = TestContext.Current.CancellationToken;
        await destination.ConnectAsync(token);
        await destination.CreateSchemaAsync(schema, token);
        await destination.BeginTransactionAsync(token);
        await destination.WriteAsync(rows, token);
        await destination.CommitAsync(token);
    }
}
