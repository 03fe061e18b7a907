using System.Diagnostics;
using AiEtl.Postgres;
using Npgsql;

namespace AiEtl.IntegrationTests.Postgres;

/// <summary>Stopping the real server affects every connection, so these tests run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(ServerRestartCollection), DisableParallelization = true)]
public sealed class ServerRestartCollection;

[Collection(nameof(ServerRestartCollection))]
public sealed class PostgresServerRestartTests : IAsyncDisposable
{
    private const int Rows = 20_000;
    private const int BatchSize = 500;
    private readonly PostgresTestDatabase _db = new("restart");
    private readonly string _root = Environment.GetEnvironmentVariable("AIETL_PG_ROOT") is { Length: > 0 } root
        ? root
        : throw new InvalidOperationException("AIETL_PG_ROOT is not set: the server-restart tests stop and start the server of scripts/start-postgres.sh");

    public async ValueTask DisposeAsync()
    {
        await EnsureRunningAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public Task A_server_stopped_during_a_load_is_retried_after_its_restart_with_nothing_lost_or_doubled() =>
        LoadThroughARestartAsync(new PostgresDestination<AllTypes>(_db.Destination("restarted")), "restarted");

    [Fact]
    public async Task A_load_through_a_pooled_data_source_is_retried_after_a_restart_and_the_data_source_still_works()
    {
        await using var dataSource = NpgsqlDataSource.Create(_db.ConnectionString);

        // Idle connections in the pool, which the restart kills: a reconnect may be handed one of them.
        await using (await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken))
        await using (await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken))
        {
        }

        await LoadThroughARestartAsync(new PostgresDestination<AllTypes>(dataSource, new PostgresDestinationOptions { Schema = _db.Schema, Table = "pooled" }), "pooled");

        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM \"{_db.Schema}\".pooled");
        Assert.Equal((long)Rows, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_server_that_stays_down_fails_the_run_clearly_with_only_whole_batches_written()
    {
        var retry = new RetryPolicy { MaxRetries = 1, MaxBackoffSeconds = 0.1 };

        var result = await EtlPipeline.Create<AllTypes>("pg-down")
            // A fast stop, not immediate: the test server runs with synchronous_commit=off, so a crash would lose acknowledged commits.
            .From(new EnumerableSource<AllTypes>(RowsAsync(onRow: 6_000, () => PgCtl("-m", "fast", "-w", "stop"))))
            .To(new PostgresDestination<AllTypes>(_db.Destination("down")))
            .WithOptions(new PipelineOptions { BatchSize = BatchSize, CommitEvery = 1, RetryPolicy = retry })
            .RunAsync(TestContext.Current.CancellationToken);
        await EnsureRunningAsync();

        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.True(error.Retryable);
        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
        var count = _db.Count("down");
        // A commit cut off by the stop may have landed without its acknowledgement: never a partial batch, though.
        Assert.InRange(count, result.RecordsLoaded, result.RecordsLoaded + BatchSize);
        Assert.Equal(0, count % BatchSize);
        Assert.True(count < Rows);
    }

    private async Task LoadThroughARestartAsync(PostgresDestination<AllTypes> destination, string table)
    {
        Task? restart = null;
        var retry = new RetryPolicy { MaxRetries = 20, BackoffMultiplier = 2, MaxBackoffSeconds = 0.5 };

        var result = await EtlPipeline.Create<AllTypes>("pg-restart")
            .From(new EnumerableSource<AllTypes>(RowsAsync(onRow: 6_000, () => restart = Task.Run(RestartAsync))))
            .To(destination)
            .WithOptions(new PipelineOptions { BatchSize = BatchSize, CommitEvery = 1, RetryPolicy = retry })
            .RunAsync(TestContext.Current.CancellationToken);
        await restart!;

        Assert.True(result.Success, PostgresDestinationTests.Errors(result));
        Assert.Equal(Rows, result.RecordsLoaded);
        Assert.Equal([$"{Rows} {Rows}"], _db.Strings($"SELECT count(*) || ' ' || count(DISTINCT id) FROM \"{_db.Schema}\".\"{table}\""));
    }

    private static async IAsyncEnumerable<AllTypes> RowsAsync(int onRow, Action trigger)
    {
        for (var id = 1; id <= Rows; id++)
        {
            if (id == onRow)
            {
                trigger();
            }

            yield return PostgresDestinationTests.Sample(id);
        }

        await Task.CompletedTask;
    }

    private async Task RestartAsync()
    {
        PgCtl("-m", "fast", "-w", "stop");
        await Task.Delay(1500);
        await EnsureRunningAsync();
    }

    // Starts the server again with the colleague's script, on the port the tests already use.
    private async Task EnsureRunningAsync()
    {
        var port = new Npgsql.NpgsqlConnectionStringBuilder(_db.ConnectionString).Port;
        var start = new ProcessStartInfo(Path.Combine(RepositoryPaths.Root, "scripts", "start-postgres.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["AIETL_PG_ROOT"] = _root, ["AIETL_PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var log = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0 && output.Contains($"Port={port};", StringComparison.Ordinal), $"the server did not come back on port {port}: {log}");
    }

    private void PgCtl(params string[] arguments)
    {
        var pgCtl = Directory.GetFiles("/usr/lib/postgresql", "pg_ctl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Last();
        // The server refuses to run as root: as root, run pg_ctl as the postgres user, as the script does.
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : pgCtl) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[.. asRoot ? ["-u", "postgres", "--", pgCtl] : (string[])[], "-D", Path.Combine(_root, "data"), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
    }
}
