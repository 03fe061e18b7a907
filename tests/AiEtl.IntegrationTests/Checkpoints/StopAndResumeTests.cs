using System.Globalization;
using AiEtl.Csv;
using AiEtl.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using static AiEtl.IntegrationTests.Sqlite.SqliteTestFile;

namespace AiEtl.IntegrationTests.Checkpoints;

/// <summary>
/// A run that reaches its timeout, or whose token is cancelled, stops cleanly: the open transaction is rolled back, the
/// committed ones and their checkpoint stay, the result says why it stopped, and the next run loads exactly the rest.
/// The stop comes when the 20th of 60 batches is transformed: the fake clock jumps past the timeout, or the token is cancelled.
/// </summary>
public sealed class StopAndResumeTests : IDisposable
{
    private const int Rows = 3_000;
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-stop-").FullName;

    public StopAndResumeTests()
    {
        File.WriteAllText(Input, "id,name\n" + string.Concat(Enumerable.Range(1, Rows).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},m{i}\n"))));
    }

    private string Input => Path.Combine(_directory, "members.csv");

    private string DatabasePath => Path.Combine(_directory, "members.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_run_that_reaches_its_timeout_keeps_what_it_committed_and_the_next_run_loads_the_rest()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var timeout = TimeSpan.FromMinutes(5);

        var stopped = await RunAsync(new PipelineOptions { Timeout = timeout, TimeProvider = clock }, () => clock.Advance(timeout), TestContext.Current.CancellationToken);

        Assert.False(stopped.Success);
        Assert.True(stopped.TimedOut);
        Assert.False(stopped.Cancelled);
        Assert.Contains(stopped.Errors, e => e.ErrorType == "TimedOut" && e.Message.Contains("00:05:00", StringComparison.Ordinal));
        await AssertResumesExactlyAsync(stopped);
    }

    [Fact]
    public async Task A_cancelled_run_keeps_what_it_committed_and_the_next_run_loads_the_rest()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var stopped = await RunAsync(new PipelineOptions(), cancel.Cancel, cancel.Token);

        Assert.False(stopped.Success);
        Assert.True(stopped.Cancelled);
        Assert.False(stopped.TimedOut);
        await AssertResumesExactlyAsync(stopped);
    }

    private async Task AssertResumesExactlyAsync(PipelineResult stopped)
    {
        var committed = stopped.FinalState!.RecordsProcessed;
        Assert.InRange(committed, 1, Rows - 1);
        Assert.Equal(committed, Ids().Count);

        var rest = await RunAsync(new PipelineOptions(), null, TestContext.Current.CancellationToken);

        Assert.True(rest.Success, rest.Describe());
        Assert.Equal(Rows - committed, rest.RecordsExtracted);
        Assert.Equal(Enumerable.Range(1, Rows).Select(i => i.ToString(CultureInfo.InvariantCulture)), Ids());
    }

    // Batches of 50; the transform stops the run at the 20th and waits for the stop, so the batches before it can commit.
    private Task<PipelineResult> RunAsync(PipelineOptions options, Action? stopAtBatch20, CancellationToken cancellationToken) =>
        EtlPipeline.Create<Member>("stop")
            .From(new CsvSource<Member>(Input))
            .Transform(new StopAtBatch(stopAtBatch20))
            .To(new SqliteDestination<Member>(new SqliteDestinationOptions(DatabasePath)))
            .WithOptions(options with { BatchSize = 50, State = new StateManager(Path.Combine(_directory, "state")) })
            .RunAsync(cancellationToken);

    private List<string> Ids()
    {
        using var connection = Open(DatabasePath);
        return Strings(connection, "SELECT id FROM members ORDER BY id");
    }

    private sealed class StopAtBatch(Action? stop) : Transform<Member>
    {
        private int _batches;

        public override string Name => "stop";

        public override bool Apply(ref Member row) => true;

        public override async ValueTask<int> ApplyBatchAsync(SourceBatch<Member> batch, IRowErrorSink errors, CancellationToken cancellationToken)
        {
            if (++_batches == 20 && stop is not null)
            {
                // Give the load stage time to commit what came before, then stop and wait for the stop to arrive.
                await Task.Delay(200, CancellationToken.None);
                stop();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return await base.ApplyBatchAsync(batch, errors, cancellationToken);
        }
    }
}
