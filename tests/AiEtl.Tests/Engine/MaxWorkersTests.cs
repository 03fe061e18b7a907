namespace AiEtl.Tests.Engine;

[EtlRecord("numbers")]
public partial record struct Number(long Value);

/// <summary>
/// <see cref="PipelineOptions.MaxWorkers"/>: concurrency-safe transforms work on several batches at once, the others
/// see the batches one at a time in order, and the rows reach the destination in the source's order, with the same
/// result and the same counts as one worker.
/// </summary>
public sealed class MaxWorkersTests
{
    private const int Rows = 200_000;

    [Fact]
    public async Task Batches_transformed_at_once_still_reach_the_destination_in_order()
    {
        var slow = new SlowSquare();
        var order = new InOrderCheck();
        var destination = new RecordingDestination<Number>();

        var result = await RunAsync(4, destination, slow, new FilterTransform<Number>(n => n.Value % 3 != 0), order, new Deduplicator<Number, long>(n => n.Value % 50_000));

        Assert.True(result.Success, result.Describe());
        var expected = Sequential();
        Assert.Equal(expected, destination.Committed.Select(n => n.Value));
        Assert.True(slow.MostAtOnce > 1, $"the concurrency-safe transform ran on {slow.MostAtOnce} batch at a time");
        Assert.Equal(1, order.MostAtOnce);
        Assert.False(order.SawDisorder);
        Assert.Equal(Rows, slow.Stats.RecordsProcessed);
        Assert.Equal(Rows - expected.Count, result.RecordsFiltered);
    }

    [Fact]
    public async Task One_worker_and_many_give_the_same_rows_and_counts()
    {
        var one = new RecordingDestination<Number>();
        var many = new RecordingDestination<Number>();

        var first = await RunAsync(1, one, new SlowSquare(), new FilterTransform<Number>(n => n.Value % 7 != 0));
        var second = await RunAsync(3, many, new SlowSquare(), new FilterTransform<Number>(n => n.Value % 7 != 0));

        Assert.Equal(one.Committed, many.Committed);
        Assert.NotEmpty(one.Committed);
        Assert.Equal(first.RecordsFiltered, second.RecordsFiltered);
        Assert.Equal(first.RecordsTransformed, second.RecordsTransformed);
    }

    [Fact]
    public async Task A_failing_transform_among_several_workers_stops_the_run_with_its_error()
    {
        var result = await RunAsync(4, new RecordingDestination<Number>(), new SlowSquare(), new MapTransform<Number>(n => n.Value == 150_001L * 150_001L ? throw new TransformException("row too big") : n));

        Assert.True(result.Success, result.Describe());
        Assert.Equal(1, result.RecordsFailed);

        var failing = await EtlPipeline.Create<Number>("workers-fail").From(new EnumerableSource<Number>(Enumerable.Range(1, Rows).Select(i => new Number(i))))
            .Transform(new SlowSquare()).Map(n => n.Value == 150_001L * 150_001L ? throw new TransformException("row too big") : n).To(new RecordingDestination<Number>())
            .WithOptions(new PipelineOptions { MaxWorkers = 4, BatchSize = 1000, ErrorHandling = new ErrorHandlingOptions { OnTransformError = ErrorAction.Fail } })
            .RunAsync(TestContext.Current.CancellationToken);
        Assert.False(failing.Success);
        Assert.Contains("row too big", failing.Errors.Last().Message, StringComparison.Ordinal);
    }

    private static List<long> Sequential()
    {
        var seen = new HashSet<long>();
        return [.. Enumerable.Range(1, Rows).Select(i => (long)i * i).Where(n => n % 3 != 0).Where(n => seen.Add(n % 50_000))];
    }

    private static Task<PipelineResult> RunAsync(int workers, RecordingDestination<Number> destination, params Transform<Number>[] transforms)
    {
        var builder = EtlPipeline.Create<Number>("workers").From(new EnumerableSource<Number>(Enumerable.Range(1, Rows).Select(i => new Number(i))));
        foreach (var transform in transforms)
        {
            builder = builder.Transform(transform);
        }

        return builder.To(destination)
            .WithOptions(new PipelineOptions { MaxWorkers = workers, BatchSize = 1000 })
            .RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Squares each row, taking a random while per batch so that batches finish out of order.</summary>
    private sealed class SlowSquare : Transform<Number>
    {
        private int _atOnce;
        private int _most;

        public override string Name => "slow_square";

        public override bool IsConcurrencySafe => true;

        public int MostAtOnce => Volatile.Read(ref _most);

        public override async ValueTask<int> ApplyBatchAsync(SourceBatch<Number> batch, IRowErrorSink errors, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _atOnce);
            InterlockedMax(ref _most, now);
            Thread.Sleep(Random.Shared.Next(0, 3));
            Interlocked.Decrement(ref _atOnce);
            return await base.ApplyBatchAsync(batch, errors, cancellationToken);
        }

        public override bool Apply(ref Number row)
        {
            row = new Number(row.Value * row.Value);
            return true;
        }
    }

    /// <summary>A transform that is not concurrency-safe: it checks it sees one batch at a time, in the source's order.</summary>
    private sealed class InOrderCheck : Transform<Number>
    {
        private int _atOnce;
        private int _most;
        private long _last;

        public override string Name => "in_order";

        public int MostAtOnce => _most;

        public bool SawDisorder { get; private set; }

        public override async ValueTask<int> ApplyBatchAsync(SourceBatch<Number> batch, IRowErrorSink errors, CancellationToken cancellationToken)
        {
            InterlockedMax(ref _most, Interlocked.Increment(ref _atOnce));
            var kept = await base.ApplyBatchAsync(batch, errors, cancellationToken);
            Interlocked.Decrement(ref _atOnce);
            return kept;
        }

        public override bool Apply(ref Number row)
        {
            var root = (long)Math.Sqrt(row.Value);
            SawDisorder |= root <= _last;
            _last = root;
            return true;
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
