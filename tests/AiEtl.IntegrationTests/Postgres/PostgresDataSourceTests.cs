using AiEtl.Postgres;
using Npgsql;

namespace AiEtl.IntegrationTests.Postgres;

/// <summary>
/// Sources and destinations built on the user's <see cref="NpgsqlDataSource"/>: they take their connections
/// from it (pooled, as the user configured it) and leave it open and usable when the pipeline ends.
/// </summary>
public sealed class PostgresDataSourceTests : IAsyncDisposable
{
    private static readonly DateTime T0 = new(2024, 6, 1, 12, 0, 0);
    private readonly PostgresTestDatabase _db = new("dsrc");
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDataSourceTests()
    {
        _dataSource = NpgsqlDataSource.Create(_db.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task A_destination_writes_through_the_data_source_and_leaves_it_usable()
    {
        var destination = new PostgresDestination<Event>(_dataSource, new PostgresDestinationOptions { Schema = _db.Schema, Table = "loaded" });

        var result = await LoadAsync(destination, Events(1, 50));

        Assert.True(result.Success, PostgresDestinationTests.Errors(result));
        Assert.Equal(50, result.RecordsLoaded);
        Assert.Equal($"postgres://postgres@127.0.0.1:{new NpgsqlConnectionStringBuilder(_db.ConnectionString).Port}/aietl_test/{_db.Schema}.loaded", destination.DestinationId);
        Assert.Equal(50L, await CountAsync("loaded"));
    }

    [Fact]
    public async Task Merge_runs_twice_on_the_pooled_connections_of_one_data_source()
    {
        var options = new PostgresDestinationOptions { Schema = _db.Schema, Table = "merged", WriteMode = WriteMode.Merge };

        // The second run gets the first run's connection back from the pool: its temporary merge table must be gone.
        var first = await LoadAsync(new PostgresDestination<Event>(_dataSource, options), Events(1, 30));
        var second = await LoadAsync(new PostgresDestination<Event>(_dataSource, options), [.. Events(21, 40).Select(e => e with { Name = "updated" })]);

        Assert.True(first.Success, PostgresDestinationTests.Errors(first));
        Assert.True(second.Success, PostgresDestinationTests.Errors(second));
        Assert.Equal(40L, await CountAsync("merged"));
        Assert.Equal(["event 20", "updated"], _db.Strings($"SELECT name FROM \"{_db.Schema}\".merged WHERE id IN (20, 21) ORDER BY id"));
    }

    [Fact]
    public async Task A_source_reads_through_the_data_source_and_leaves_it_usable()
    {
        _db.Execute($"CREATE SCHEMA \"{_db.Schema}\"; CREATE TABLE \"{_db.Schema}\".events (id bigint PRIMARY KEY, name text NOT NULL, updated_at timestamp NOT NULL)");
        for (var id = 1; id <= 25; id++)
        {
            _db.Execute($"INSERT INTO \"{_db.Schema}\".events VALUES ({id}, 'event {id}', '{T0.AddMinutes(id):yyyy-MM-dd HH:mm:ss}')");
        }

        var options = new PostgresSourceOptions { Schema = _db.Schema, Table = "events" };
        var schema = await PostgresCatalog.GetSchemaAsync(_dataSource, options, TestContext.Current.CancellationToken);
        var rows = new ListDestination<Event>();
        var result = await EtlPipeline.Create<Event>("pg-data-source")
            .From(new PostgresSource<Event>(_dataSource, options))
            .To(rows)
            .WithOptions(new PipelineOptions { BatchSize = 10, RetryPolicy = RetryPolicy.None })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, PostgresDestinationTests.Errors(result));
        Assert.Equal(["id", "name", "updated_at"], schema.Fields.Select(f => f.Name));
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), rows.Rows.Select(r => r.Id).Order());
        Assert.Equal(new Event(7, "event 7", T0.AddMinutes(7)), rows.Rows.Single(r => r.Id == 7));
        Assert.Equal(25L, await CountAsync("events"));
    }

    [Fact]
    public async Task A_data_source_that_cannot_connect_is_a_retried_connection_failure()
    {
        var refused = new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Port = PostgresDestinationTests.FreePort(), Timeout = 2 };
        await using var dataSource = NpgsqlDataSource.Create(refused);
        var destination = new PostgresDestination<Event>(dataSource, new PostgresDestinationOptions { Schema = _db.Schema, Table = "never" });

        var result = await LoadAsync(destination, Events(1, 1), new RetryPolicy { MaxRetries = 1, MaxBackoffSeconds = 0.05 });

        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(ConnectionFailedException), error.ErrorType);
        Assert.True(error.Retryable);
        Assert.Contains($":{refused.Port}/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Connection_settings_given_beside_a_data_source_are_refused()
    {
        var options = new PostgresDestinationOptions { ConnectionString = _db.ConnectionString, Schema = _db.Schema, Table = "never" };

        var error = Assert.Throws<PipelineConfigurationException>(() => new PostgresDestination<Event>(_dataSource, options));

        Assert.Contains("data source", error.Message, StringComparison.Ordinal);
        Assert.Throws<PipelineConfigurationException>(() => new PostgresSource<Event>(_dataSource, new PostgresSourceOptions { Password = "secret", Table = "events" }));
    }

    private static Event[] Events(int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).Select(i => new Event(i, $"event {i}", T0.AddMinutes(i)))];

    private static Task<PipelineResult> LoadAsync(PostgresDestination<Event> destination, Event[] rows, RetryPolicy? retry = null) =>
        EtlPipeline.Create<Event>("pg-data-source")
            .From(new EnumerableSource<Event>(rows))
            .To(destination)
            .WithOptions(new PipelineOptions { BatchSize = 10, RetryPolicy = retry ?? RetryPolicy.None })
            .RunAsync(TestContext.Current.CancellationToken);

    // Through the test's data source, after the pipeline is done with it: it must still be open.
    private async Task<long> CountAsync(string table)
    {
        await using var command = _dataSource.CreateCommand($"SELECT count(*) FROM \"{_db.Schema}\".\"{table}\"");
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
