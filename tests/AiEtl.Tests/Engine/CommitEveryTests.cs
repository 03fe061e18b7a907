using AiEtl.Csv;

namespace AiEtl.Tests.Engine;

/// <summary>
/// <see cref="PipelineOptions.CommitEvery"/>: several batches per transaction, all or nothing; the checkpoint is
/// the last committed batch's; a retry writes every batch of the rolled-back transaction again.
/// </summary>
public sealed class CommitEveryTests : IDisposable
{
    private const string Header = "id,name,age,born,balance\n";
    private static readonly RetryPolicy FastRetry = new() { MaxRetries = 3, MaxBackoffSeconds = 0.001 };
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-commit-every-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Several_batches_share_one_transaction_and_the_last_transaction_takes_the_rest()
    {
        var input = Write(Header + Rows(1, 10));
        var destination = new ScriptedDestination();

        var result = await RunAsync(input, destination, new StateManager(Path.Combine(_directory, ".state")), commitEvery: 3, RetryPolicy.None);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(10, result.RecordsLoaded);
        Assert.Equal(Enumerable.Range(1, 10), destination.Committed);

        // Batches of 2 rows: 3 + 2 batches, two transactions of 5 writes in all.
        Assert.Equal(["begin", "write 2", "write 2", "write 2", "commit", "begin", "write 2", "write 2", "commit"], destination.Calls);
    }

    [Fact]
    public async Task A_failure_in_the_third_batch_rolls_back_the_whole_transaction_and_keeps_the_previous_checkpoint()
    {
        var input = Write(Header + Rows(1, 18));
        var state = new StateManager(Path.Combine(_directory, ".state"));

        // Write 6 is the third batch of the second transaction (rows 11-12); rejected data is not retried.
        var failing = new ScriptedDestination { Fail = write => write == 6 ? new DataRejectedException("rejected") : null };
        var failed = await RunAsync(input, failing, state, commitEvery: 3, FastRetry);

        Assert.False(failed.Success);
        Assert.Equal(Enumerable.Range(1, 6), failing.Committed);
        Assert.Equal(6, failed.RecordsLoaded);
        Assert.Equal(6, state.GetState("commit-every", Path.GetFullPath(input), "scripted")!.Checkpoint.Offset);
        Assert.Equal("rollback", failing.Calls[^1]);

        var rerun = new ScriptedDestination();
        var result = await RunAsync(input, rerun, state, commitEvery: 3, FastRetry);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(Enumerable.Range(7, 12), rerun.Committed);
        Assert.Equal(18, state.GetState("commit-every", Path.GetFullPath(input), "scripted")!.Checkpoint.Offset);
    }

    [Fact]
    public async Task A_retried_transaction_writes_every_one_of_its_batches_again_and_each_row_is_committed_once()
    {
        var input = Write(Header + Rows(1, 12));

        // The third batch's first attempt and the first commit fail with a transient error: both retries start over.
        var failing = new ScriptedDestination
        {
            Fail = write => write == 3 ? new WriteException("connection lost") : null,
            FailCommit = commit => commit == 1 ? new WriteException("commit lost") : null,
        };
        var result = await RunAsync(input, failing, new StateManager(Path.Combine(_directory, ".state")), commitEvery: 3, FastRetry);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(Enumerable.Range(1, 12), failing.Committed);
        Assert.Equal(12, result.RecordsLoaded);
        Assert.Equal(
            [
                "begin", "write 2", "write 2", "rollback",
                "begin", "write 2", "write 2", "write 2", "rollback",
                "begin", "write 2", "write 2", "write 2", "commit",
                "begin", "write 2", "write 2", "write 2", "commit",
            ],
            failing.Calls);
    }

    [Fact]
    public async Task A_bad_row_upstream_still_commits_the_batches_read_before_it()
    {
        var input = Write(Header + Rows(1, 5) + "6,f,not-a-number,2000-01-01,6\n" + Rows(7, 10));
        var state = new StateManager(Path.Combine(_directory, ".state"));
        var destination = new ScriptedDestination();

        var result = await RunAsync(input, destination, state, commitEvery: 10, RetryPolicy.None);

        Assert.False(result.Success);
        Assert.Equal(Enumerable.Range(1, 4), destination.Committed);
        Assert.Equal(4, state.GetState("commit-every", Path.GetFullPath(input), "scripted")!.Checkpoint.Offset);
    }

    private static Task<PipelineResult> RunAsync(string input, ScriptedDestination destination, StateManager state, int commitEvery, RetryPolicy retry) =>
        EtlPipeline.Create<Person>("commit-every")
            .From(new CsvSource<Person>(input))
            .To(destination)
            .WithOptions(new PipelineOptions { BatchSize = 2, CommitEvery = commitEvery, State = state, RetryPolicy = retry })
            .RunAsync(TestContext.Current.CancellationToken);

    private static string Rows(int from, int to) =>
        string.Concat(Enumerable.Range(from, to - from + 1).Select(i => $"{i},n{i},{i},2000-01-01,{i}\n"));

    private string Write(string text)
    {
        var path = Path.Combine(_directory, "in.csv");
        File.WriteAllText(path, text);
        return path;
    }

    // Records every call; fails the Nth write or commit (counted over the whole run, retries included).
    private sealed class ScriptedDestination : Destination<Person>
    {
        private readonly List<int> _pending = [];
        private int _writes;
        private int _commits;

        public List<int> Committed { get; } = [];

        public List<string> Calls { get; } = [];

        public Func<int, Exception?>? Fail { get; init; }

        public Func<int, Exception?>? FailCommit { get; init; }

        public override string DestinationType => "scripted";

        public override string DestinationId => "scripted";

        public override ValueTask ConnectAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public override ValueTask CreateSchemaAsync(Schema schema, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public override ValueTask<int> WriteAsync(ReadOnlyMemory<Person> rows, CancellationToken cancellationToken = default)
        {
            Assert.True(IsTransactionActive);
            if (Fail?.Invoke(++_writes) is { } error)
            {
                throw error;
            }

            Calls.Add($"write {rows.Length}");
            foreach (var row in rows.Span)
            {
                _pending.Add(row.Id);
            }

            return ValueTask.FromResult(rows.Length);
        }

        public override ValueTask CloseAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        protected override ValueTask OnBeginTransactionAsync(CancellationToken cancellationToken)
        {
            Calls.Add("begin");
            return ValueTask.CompletedTask;
        }

        protected override ValueTask OnCommitAsync(CancellationToken cancellationToken)
        {
            if (FailCommit?.Invoke(++_commits) is { } error)
            {
                throw error;
            }

            Calls.Add("commit");
            Committed.AddRange(_pending);
            _pending.Clear();
            return ValueTask.CompletedTask;
        }

        protected override ValueTask OnRollbackAsync(CancellationToken cancellationToken)
        {
            Calls.Add("rollback");
            _pending.Clear();
            return ValueTask.CompletedTask;
        }
    }
}
