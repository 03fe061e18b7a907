using AiEtl.Csv;
using AiEtl.Json;

namespace AiEtl.Tests.Engine;

/// <summary>
/// A run cancelled while batches are being built and encoded on the thread pool stops, publishes nothing and leaves
/// no temp file; the next run reads everything.
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private const int Rows = 5_000;
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-cancel-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_run_cancelled_mid_stream_publishes_nothing_and_the_next_run_reads_every_row()
    {
        var input = Path.Combine(_directory, "people.csv");
        await File.WriteAllTextAsync(input, "id,name,age,born,balance\n" + string.Concat(Enumerable.Range(1, Rows).Select(i => $"{i},n{i},{i % 90},2000-01-01,{i}.5\n")), TestContext.Current.CancellationToken);
        var output = Path.Combine(_directory, "people.jsonl");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var cancelled = await RunAsync(input, output, new CancelOnBatch(3, cancel), cancel.Token).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        var complete = await RunAsync(input, output, null, TestContext.Current.CancellationToken);

        Assert.False(cancelled.Success);
        Assert.True(cancelled.Cancelled);
        Assert.False(cancelled.TimedOut);
        Assert.Contains(cancelled.Errors, e => e.ErrorType == "Cancelled");
        Assert.Equal([Path.GetFileName(input), Path.GetFileName(output)], Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(complete.Success, complete.Describe());
        Assert.Equal(Rows, File.ReadLines(output).Count());
    }

    private static async Task<PipelineResult> RunAsync(string input, string output, Transform<Person>? transform, CancellationToken cancellationToken)
    {
        var builder = EtlPipeline.Create<Person>("cancel").From(new CsvSource<Person>(input));
        if (transform is not null)
        {
            builder = builder.Transform(transform);
        }

        return await builder.To(new JsonDestination<Person>(output)).WithOptions(new PipelineOptions { BatchSize = 10 }).RunAsync(cancellationToken);
    }

    // Cancels the run when the given batch passes, while later batches are still being read, built and encoded.
    private sealed class CancelOnBatch(int batch, CancellationTokenSource cancel) : Transform<Person>
    {
        private int _batches;

        public override string Name => "cancel";

        public override bool Apply(ref Person row) => true;

        public override ValueTask<int> ApplyBatchAsync(SourceBatch<Person> rows, IRowErrorSink errors, CancellationToken cancellationToken)
        {
            if (++_batches == batch)
            {
                cancel.Cancel();
            }

            return base.ApplyBatchAsync(rows, errors, cancellationToken);
        }
    }
}
