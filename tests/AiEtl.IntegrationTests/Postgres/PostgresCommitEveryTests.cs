using AiEtl.Csv;
using AiEtl.Postgres;

namespace AiEtl.IntegrationTests.Postgres;

/// <summary>
/// Several pipeline batches in one transaction (<see cref="PipelineOptions.CommitEvery"/>), written through one
/// binary COPY that the commit completes.
/// </summary>
public sealed class PostgresCommitEveryTests : IAsyncDisposable, IDisposable
{
    private static readonly DateTime T0 = new(2024, 6, 1, 12, 0, 0);
    private readonly PostgresTestDatabase _db = new("commit");
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-pg-commit-").FullName;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_transaction_of_several_batches_commits_all_of_them_or_none()
    {
        Assert.True((await RunAsync([Row(1)], "events", commitEvery: 3)).Success);

        // The duplicate of id 1 is in the third batch: the server rejects the COPY at the commit, and the first two batches go too.
        var failed = await RunAsync([Row(2), Row(3), Row(4), Row(5), Row(6), Row(1)], "events", commitEvery: 3, retry: RetryPolicy.Default);
        Assert.False(failed.Success);
        Assert.Equal(nameof(DataRejectedException), Assert.Single(failed.Errors).ErrorType);
        Assert.Contains("duplicate key value violates unique constraint", failed.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(0, failed.RecordsLoaded);
        Assert.Equal(["1"], _db.Strings($"SELECT id FROM \"{_db.Schema}\".events ORDER BY id"));

        var result = await RunAsync([.. Enumerable.Range(2, 7).Select(i => Row(i))], "events", commitEvery: 3, retry: RetryPolicy.Default);
        Assert.True(result.Success, PostgresDestinationTests.Errors(result));
        Assert.Equal(7, result.RecordsLoaded);
        Assert.Equal([.. Enumerable.Range(1, 8).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], _db.Strings($"SELECT id FROM \"{_db.Schema}\".events ORDER BY id"));
    }

    [Fact]
    public async Task A_failure_in_the_third_batch_of_a_transaction_keeps_the_previous_commit_and_the_rerun_loads_the_rest_once()
    {
        var input = Path.Combine(_directory, "events.csv");
        var state = new StateManager(Path.Combine(_directory, ".state"));

        // Batches of 2, 3 per transaction: rows 1-6, then 7-12, whose third batch (rows 11-12) repeats id 1.
        File.WriteAllText(input, Csv(Enumerable.Range(1, 10).Append(1).Concat(Enumerable.Range(12, 7))));
        var failed = await RunCsvAsync(input, state);

        Assert.False(failed.Success);
        Assert.Equal(6, _db.Count("csv_events"));
        Assert.Equal(6, state.GetState("pg-commit", Path.GetFullPath(input), failed.FinalState!.DestinationId)!.Checkpoint.Offset);

        // The bad row is corrected after the checkpoint; the rerun starts at row 7.
        File.WriteAllText(input, Csv(Enumerable.Range(1, 18)));
        var rerun = await RunCsvAsync(input, state);

        Assert.True(rerun.Success, PostgresDestinationTests.Errors(rerun));
        Assert.Equal(12, rerun.RecordsLoaded);
        Assert.Equal([.. Enumerable.Range(1, 18).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], _db.Strings($"SELECT id FROM \"{_db.Schema}\".csv_events ORDER BY id"));
        Assert.Equal(18, state.GetState("pg-commit", Path.GetFullPath(input), rerun.FinalState!.DestinationId)!.Checkpoint.Offset);
    }

    [Fact]
    public async Task Without_a_commit_size_ten_batches_make_one_transaction_and_a_set_size_wins()
    {
        // 25 batches of 2 rows: the destination's default commits after batches 10, 20 and 25.
        var byDefault = await CommitsAsync("default_commits", commitEvery: null);
        Assert.Equal(3, byDefault);

        Assert.Equal(25, await CommitsAsync("every_batch", commitEvery: 1));
        Assert.Equal(50, _db.Count("default_commits"));
        Assert.Equal(50, _db.Count("every_batch"));
    }

    [Fact]
    public async Task Merge_and_replace_work_across_the_batches_of_one_transaction()
    {
        Assert.True((await RunAsync([Row(1), Row(2)], "modes", commitEvery: 3)).Success);

        // One COPY into the merge stage for the whole transaction: the last row of a key wins across batches.
        var merged = await RunAsync(
            [Row(2, "first"), Row(3), Row(4), Row(2, "second"), Row(5), Row(3, "last")],
            "modes",
            commitEvery: 3,
            mode: WriteMode.Merge);
        Assert.True(merged.Success, PostgresDestinationTests.Errors(merged));
        Assert.Equal(["1 e1", "2 second", "3 last", "4 e4", "5 e5"], _db.Strings($"SELECT id || ' ' || name FROM \"{_db.Schema}\".modes ORDER BY id"));

        var replaced = await RunAsync([.. Enumerable.Range(10, 5).Select(i => Row(i))], "modes", commitEvery: 2, mode: WriteMode.Replace);
        Assert.True(replaced.Success, PostgresDestinationTests.Errors(replaced));
        Assert.Equal(["10", "11", "12", "13", "14"], _db.Strings($"SELECT id FROM \"{_db.Schema}\".modes ORDER BY id"));
        Assert.Equal(["modes"], _db.Strings($"SELECT table_name FROM information_schema.tables WHERE table_schema = '{_db.Schema}'"));
    }

    [Fact]
    public async Task Rolling_back_or_disposing_with_an_open_copy_cancels_it_and_the_connection_stays_usable()
    {
        var token = TestContext.Current.CancellationToken;
        await using (var destination = new PostgresDestination<Event>(_db.Destination("open_copy")))
        {
            await destination.ConnectAsync(token);
            await destination.CreateSchemaAsync(Event.Schema, token);
            await destination.BeginTransactionAsync(token);
            await destination.WriteAsync(new[] { Row(1), Row(2) }, token);
            await destination.WriteAsync(new[] { Row(3) }, token);
            await destination.RollbackAsync(token);
            Assert.Equal(0, _db.Count("open_copy"));

            await destination.BeginTransactionAsync(token);
            await destination.WriteAsync(new[] { Row(4) }, token);
            await destination.WriteAsync(new[] { Row(5) }, token);
            await destination.CommitAsync(token);
            Assert.Equal(["4", "5"], _db.Strings($"SELECT id FROM \"{_db.Schema}\".open_copy ORDER BY id"));

            // Disposed in the middle of a COPY: nothing of it stays.
            await destination.BeginTransactionAsync(token);
            await destination.WriteAsync(new[] { Row(6) }, token);
        }

        Assert.Equal(["4", "5"], _db.Strings($"SELECT id FROM \"{_db.Schema}\".open_copy ORDER BY id"));
    }

    [Fact]
    public async Task Numbers_dates_and_texts_of_every_shape_survive_the_binary_encoder()
    {
        decimal[] money = [0m, 1m, -1m, 10000m, 9999.9999m, 0.0001m, 0.00001m, 12.50m, -99999.99990m, 100000000m, 0.0000000000000000000000000001m, decimal.MaxValue, decimal.MinValue, 1234567890.0987654321m, -0.5m, 20000.0002m];
        var rows = money.Select((m, i) => PostgresDestinationTests.Sample(i + 1) with { Money = m }).ToArray();
        var result = await EtlPipeline.Create<AllTypes>("pg-numeric")
            .From(new EnumerableSource<AllTypes>(rows))
            .To(new PostgresDestination<AllTypes>(_db.Destination("numbers")))
            .WithOptions(new PipelineOptions { BatchSize = 3, CommitEvery = 2, RetryPolicy = RetryPolicy.None })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, PostgresDestinationTests.Errors(result));
        Assert.Equal([.. money.Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture))], _db.Strings($"SELECT money::text FROM \"{_db.Schema}\".numbers ORDER BY id"));
    }

    private async Task<long> CommitsAsync(string table, int? commitEvery)
    {
        var reports = new List<PipelineProgress>();
        var result = await EtlPipeline.Create<Event>("pg-commit")
            .From(new EnumerableSource<Event>([.. Enumerable.Range(1, 50).Select(i => Row(i))]))
            .To(new PostgresDestination<Event>(_db.Destination(table)))
            .WithOptions(new PipelineOptions { BatchSize = 2, CommitEvery = commitEvery, RetryPolicy = RetryPolicy.None, Progress = new Reports(reports) })
            .RunAsync(TestContext.Current.CancellationToken);
        Assert.True(result.Success, PostgresDestinationTests.Errors(result));
        return reports[^1].Commits;
    }

    private sealed class Reports(List<PipelineProgress> reports) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value) => reports.Add(value);
    }

    private static Event Row(int id, string? name = null) => new(id, name ?? $"e{id}", T0.AddMinutes(id));

    private static string Csv(IEnumerable<int> ids) =>
        "id,name,updated_at\n" + string.Concat(ids.Select(i => $"{i},e{i},2024-06-01T12:00:00\n"));

    private Task<PipelineResult> RunAsync(Event[] rows, string table, int commitEvery, RetryPolicy? retry = null, WriteMode mode = WriteMode.Append) =>
        EtlPipeline.Create<Event>("pg-commit")
            .From(new EnumerableSource<Event>(rows))
            .To(new PostgresDestination<Event>(_db.Destination(table) with { WriteMode = mode }))
            .WithOptions(new PipelineOptions { BatchSize = 2, CommitEvery = commitEvery, RetryPolicy = retry ?? RetryPolicy.None })
            .RunAsync(TestContext.Current.CancellationToken);

    private Task<PipelineResult> RunCsvAsync(string input, StateManager state) =>
        EtlPipeline.Create<Event>("pg-commit")
            .From(new CsvSource<Event>(input))
            .To(new PostgresDestination<Event>(_db.Destination("csv_events")))
            .WithOptions(new PipelineOptions { BatchSize = 2, CommitEvery = 3, State = state, RetryPolicy = RetryPolicy.Default })
            .RunAsync(TestContext.Current.CancellationToken);
}
