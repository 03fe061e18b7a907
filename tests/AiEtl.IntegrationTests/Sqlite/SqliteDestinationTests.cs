using AiEtl.Sqlite;
using Microsoft.Data.Sqlite;
using static AiEtl.IntegrationTests.Sqlite.SqliteTestFile;

namespace AiEtl.IntegrationTests.Sqlite;

[EtlRecord("readings")]
public partial record struct Reading(
    [property: PrimaryKey] int Id,
    string? Sensor,
    double Value,
    bool Ok,
    DateOnly Day,
    DateTime At,
    decimal Price,
    Guid Tag,
    [property: JsonField] string? Extra);

public sealed class SqliteDestinationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-sqlite-").FullName;

    private string DatabasePath => Path.Combine(_directory, "test.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Creates_the_table_from_the_schema_and_round_trips_every_value()
    {
        var rows = new[]
        {
            new Reading(1, "Zoë \"quoted\", with comma", double.MaxValue, true, DateOnly.MinValue, new DateTime(2024, 3, 5, 14, 22, 10, DateTimeKind.Utc), 9999999999999.99m, Guid.NewGuid(), "{\"a\":[1,2]}"),
            new Reading(2, null, -0.5, false, DateOnly.MaxValue, new DateTime(1999, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc), -12.50m, Guid.Empty, null),
        };

        await WriteAsync(rows);

        using var connection = Open();
        Assert.Equal(
            ["id INTEGER 1", "sensor TEXT 0", "value REAL 1", "ok INTEGER 1", "day TEXT 1", "at TEXT 1", "price NUMERIC 1", "tag TEXT 1", "extra TEXT 0"],
            Strings(connection, "SELECT name || ' ' || type || ' ' || \"notnull\" FROM pragma_table_info('readings') ORDER BY cid"));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, sensor, value, ok, day, at, price, tag, extra FROM readings ORDER BY id";
        using var reader = command.ExecuteReader();
        foreach (var row in rows)
        {
            Assert.True(reader.Read());
            Assert.Equal(row.Id, reader.GetInt32(0));
            Assert.Equal(row.Sensor, reader.IsDBNull(1) ? null : reader.GetString(1));
            Assert.Equal(row.Value, reader.GetDouble(2));
            Assert.Equal(row.Ok, reader.GetInt64(3) == 1);
            Assert.Equal(row.Day, DateOnly.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(row.At, reader.GetDateTime(5).ToUniversalTime());
            Assert.Equal(row.Price, (decimal)reader.GetDouble(6));
            Assert.Equal(row.Tag, Guid.Parse(reader.GetString(7)));
            Assert.Equal(row.Extra, reader.IsDBNull(8) ? null : reader.GetString(8));
        }
    }

    [Fact]
    public async Task Decimals_beyond_fifteen_significant_digits_lose_precision_in_sqlite_as_documented()
    {
        await WriteAsync([Sample(1) with { Price = 79228162514264337593543950335m }]);

        using var connection = Open();
        Assert.Equal(["real"], Strings(connection, "SELECT typeof(price) FROM readings"));
    }

    [Fact]
    public async Task NaN_and_infinities_round_trip_instead_of_becoming_null()
    {
        await WriteAsync([Sample(1) with { Value = double.NaN }, Sample(2) with { Value = double.PositiveInfinity }, Sample(3) with { Value = double.NegativeInfinity }]);

        var destination = new ListDestination<Reading>();
        var result = await EtlPipeline.Create<Reading>("nan")
            .From(new SqliteSource<Reading>(new SqliteSourceOptions(DatabasePath) { Table = "readings" }))
            .To(destination)
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal([double.NaN, double.PositiveInfinity, double.NegativeInfinity], destination.Rows.OrderBy(r => r.Id).Select(r => r.Value));
    }

    [Fact]
    public async Task Fail_if_missing_refuses_a_missing_table()
    {
        await using var destination = new SqliteDestination<Reading>(new SqliteDestinationOptions(DatabasePath) { SchemaMode = SchemaMode.FailIfMissing });
        await destination.ConnectAsync(TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SchemaException>(async () => await destination.CreateSchemaAsync(Reading.Schema, TestContext.Current.CancellationToken));

        Assert.Contains("'readings' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_table_without_a_declared_column_is_refused_with_the_difference()
    {
        using (var connection = Open())
        {
            Execute(connection, "CREATE TABLE readings (id INTEGER, sensor TEXT)");
        }

        await using var destination = new SqliteDestination<Reading>(new SqliteDestinationOptions(DatabasePath));
        await destination.ConnectAsync(TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SchemaException>(async () => await destination.CreateSchemaAsync(Reading.Schema, TestContext.Current.CancellationToken));

        Assert.Contains("the table 'readings' differs from schema readings: column 'value' (REAL) is missing; it is NOT NULL, so it cannot be added to existing rows;", error.Message, StringComparison.Ordinal);
        Assert.Contains("column 'extra' (TEXT) is missing (EvolveSchema adds missing nullable columns)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drop_and_create_replaces_the_table()
    {
        await WriteAsync([Sample(1), Sample(2)]);
        await WriteAsync([Sample(3)], SchemaMode.DropAndCreate);

        using var connection = Open();
        Assert.Equal(["3"], Strings(connection, "SELECT id FROM readings"));
    }

    [Fact]
    public async Task Disposing_inside_a_transaction_rolls_it_back()
    {
        await WriteAsync([Sample(1)]);
        await using (var destination = new SqliteDestination<Reading>(new SqliteDestinationOptions(DatabasePath)))
        {
            await destination.ConnectAsync(TestContext.Current.CancellationToken);
            await destination.CreateSchemaAsync(Reading.Schema, TestContext.Current.CancellationToken);
            await destination.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await destination.WriteAsync(new[] { Sample(2), Sample(3) }, TestContext.Current.CancellationToken);
        }

        using var connection = Open();
        Assert.Equal(["1"], Strings(connection, "SELECT id FROM readings"));
    }

    [Fact]
    public async Task A_batch_that_fails_midway_leaves_the_table_as_before_it()
    {
        await WriteAsync([Sample(1)]);

        var result = await RunAsync([Sample(2), Sample(3), Sample(1), Sample(4)], SchemaMode.CreateIfMissing, batchSize: 10);

        Assert.False(result.Success);
        Assert.Contains("UNIQUE constraint failed", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(nameof(DataRejectedException), result.Errors[0].ErrorType);
        Assert.False(result.Errors[0].Retryable);
        using var connection = Open();
        Assert.Equal(["1"], Strings(connection, "SELECT id FROM readings"));
    }

    [Theory]
    [InlineData("readings\"; DROP TABLE victims; --")]
    [InlineData("weird name with spaces and 'quotes'")]
    public async Task A_hostile_table_name_is_only_a_name(string table)
    {
        using (var connection = Open())
        {
            Execute(connection, "CREATE TABLE victims (x INTEGER)");
        }

        await WriteAsync([Sample(1)], table: table);

        using var check = Open();
        Assert.Equal(new[] { table, "victims" }.Order(StringComparer.Ordinal), Strings(check, "SELECT name FROM sqlite_master WHERE type = 'table'").Order(StringComparer.Ordinal));
        Assert.Equal(["1"], Strings(check, $"SELECT id FROM {SqliteDialect.Quote(table)}"));
    }

    private static Reading Sample(int id) =>
        new(id, $"s{id}", id * 1.5, id % 2 == 0, new DateOnly(2024, 1, 1).AddDays(id), new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(id), id, Guid.Empty, null);

    private async Task WriteAsync(Reading[] rows, SchemaMode mode = SchemaMode.CreateIfMissing, string? table = null)
    {
        var result = await RunAsync(rows, mode, batchSize: 1000, table);
        Assert.True(result.Success, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    private Task<PipelineResult> RunAsync(Reading[] rows, SchemaMode mode, int batchSize, string? table = null) =>
        EtlPipeline.Create<Reading>("sqlite-test")
            .From(new EnumerableSource<Reading>(rows))
            .To(new SqliteDestination<Reading>(new SqliteDestinationOptions(DatabasePath) { SchemaMode = mode, Table = table }))
            .WithOptions(new PipelineOptions { BatchSize = batchSize, RetryPolicy = RetryPolicy.None })
            .RunAsync(TestContext.Current.CancellationToken);

    private SqliteConnection Open() => SqliteTestFile.Open(DatabasePath);
}
