using System.Text;
using AiEtl.Sqlite;
using Microsoft.Data.Sqlite;
using static AiEtl.IntegrationTests.Sqlite.SqliteTestFile;

namespace AiEtl.IntegrationTests.Sqlite;

/// <summary>
/// The insert loop binds through its own e_sqlite3 imports, text in place in the pinned batch; SQLitePCLRaw's wrappers
/// (which copy every text) are the oracle: the same rows loaded both ways must store the same values, byte for byte.
/// </summary>
public sealed class SqliteDirectBindingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-sqlite-bind-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void The_direct_imports_serve_the_library_microsoft_data_sqlite_uses()
    {
        using var connection = Open(Path.Combine(_directory, "probe.db"));
        Assert.True(SqliteNativeMethods.ServeTheProvider());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Random_rows_in_several_batches_store_what_the_wrappers_store(int seed)
    {
        // Batches of 97 rows: every batch after the first binds into a statement whose last bindings were cleared.
        var rows = RandomReadings(new Random(seed), 1_000);

        var direct = await LoadAsync("direct.db", rows, throughWrappers: false);
        var wrapped = await LoadAsync("wrapped.db", rows, throughWrappers: true);

        Assert.Equal(rows.Length, direct.Count);
        Assert.Equal(wrapped, direct);
    }

    [Fact]
    public async Task Empty_text_stays_empty_text_and_a_missing_one_null()
    {
        var rows = new[] { Reading(1, "", ""), Reading(2, null, null), Reading(3, "ü", "{}") };

        var stored = await LoadAsync("empty.db", rows, throughWrappers: false);

        Assert.Equal(["1|text:|text:", "2|null:|null:", "3|text:ü|text:{}"], stored.Select(row => string.Join('|', row.Split('|').Where((_, i) => i is 0 or 1 or 8))));
    }

    [Fact]
    public async Task A_rejected_row_is_reported_alike_both_ways()
    {
        var rows = new[] { Reading(1, "a", null), Reading(2, "b", null), Reading(1, "again", null) };

        var direct = await RejectedAsync("direct-reject.db", rows, throughWrappers: false);
        var wrapped = await RejectedAsync("wrapped-reject.db", rows, throughWrappers: true);

        Assert.Contains("row 3: the row with id=1 was rejected", direct, StringComparison.Ordinal);
        Assert.Contains("UNIQUE constraint failed: readings.id", direct, StringComparison.Ordinal);
        Assert.Equal(wrapped, direct);
    }

    private static Reading Reading(int id, string? sensor, string? extra) =>
        new(id, sensor, id, true, new DateOnly(2024, 1, 1), new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), id, Guid.Empty, extra);

    private static Reading[] RandomReadings(Random random, int count) =>
        [.. Enumerable.Range(1, count).Select(id => new Reading(
            id,
            random.Next(5) == 0 ? null : RandomText(random),
            random.Next(7) switch { 0 => double.NaN, 1 => double.MaxValue, 2 => -0.0, _ => (random.NextDouble() - 0.5) * 1e6 },
            random.Next(2) == 0,
            DateOnly.FromDayNumber(random.Next(DateOnly.MaxValue.DayNumber)),
            new DateTime(random.NextInt64(DateTime.MaxValue.Ticks), DateTimeKind.Utc),
            random.Next(3) == 0 ? long.MinValue : Math.Round((decimal)(random.NextDouble() * 1e9), 2),
            new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray()),
            random.Next(3) == 0 ? null : $"{{\"v\":\"{RandomText(random).Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal)}\"}}"))];

    // Empty, ASCII, accented, CJK, emoji and long (past any small buffer) texts.
    private static string RandomText(Random random)
    {
        var length = random.Next(6) switch { 0 => 0, 1 => random.Next(5_000, 20_000), _ => random.Next(1, 40) };
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(5) switch
            {
                0 => "é",
                1 => "漢",
                2 => "😀",
                _ => (char)random.Next(' ', '~' + 1),
            });
        }

        return text.ToString();
    }

    private async Task<List<string>> LoadAsync(string file, Reading[] rows, bool throughWrappers)
    {
        var path = Path.Combine(_directory, file);
        var result = await RunAsync(path, rows, throughWrappers);
        Assert.True(result.Success, string.Join("; ", result.Errors.Select(e => e.Message)));

        // typeof and the stored bytes (hex) of every column: equal rows are equal in storage class and content.
        using var connection = Open(path);
        return Strings(connection, """
            SELECT id || '|' || typeof(sensor) || ':' || coalesce(sensor, '') || '|' || quote(value) || '|' || ok
              || '|' || day || '|' || at || '|' || quote(price) || '|' || tag || '|' || typeof(extra) || ':' || coalesce(extra, '')
              || '|' || hex(sensor)
            FROM readings ORDER BY id
            """);
    }

    private async Task<string> RejectedAsync(string file, Reading[] rows, bool throughWrappers)
    {
        var path = Path.Combine(_directory, file);
        var result = await RunAsync(path, rows, throughWrappers);
        Assert.False(result.Success);
        using var connection = Open(path);
        Assert.Equal(["0"], Strings(connection, "SELECT count(*) FROM readings"));
        return Assert.Single(result.Errors).Message.Replace(path, "<db>", StringComparison.Ordinal);
    }

    private static Task<PipelineResult> RunAsync(string path, Reading[] rows, bool throughWrappers) =>
        EtlPipeline.Create<Reading>("sqlite-binding")
            .From(new EnumerableSource<Reading>(rows))
            .To(new SqliteDestination<Reading>(new SqliteDestinationOptions(path)) { BindsThroughSqlitePclRaw = throughWrappers })
            .WithOptions(new PipelineOptions { BatchSize = 97, RetryPolicy = RetryPolicy.None })
            .RunAsync(TestContext.Current.CancellationToken);
}
