using System.Threading.Channels;
using AiEtl.Internal;

namespace AiEtl;

/// <summary>
/// The transform stage: applies the transforms to each batch in order, then the projection into the rows the
/// destination loads (<see cref="IBatchProjection{T, TOut}"/>), and passes it on. With
/// <see cref="PipelineOptions.MaxWorkers"/> above 1, the transforms are cut into segments: a run of
/// concurrency-safe transforms works on up to that many batches at once, each other transform on one batch at a
/// time on its own worker, and every segment passes its batches on in the order it got them.
/// </summary>
/// <typeparam name="T">The rows read and transformed.</typeparam>
/// <typeparam name="TOut">The rows loaded.</typeparam>
internal sealed class TransformStage<T, TOut>(IReadOnlyList<Transform<T>> transforms, IBatchProjection<T, TOut> projection, IDestination<TOut> destination, RunCounters counters, IRowErrorSink errors, SourceCheckpoints<T, TOut> checkpoints, int maxWorkers = 1)
{
    public async Task RunAsync(ChannelReader<SourceBatch<T>> input, ChannelWriter<SourceBatch<TOut>> output, CancellationToken cancellationToken)
    {
        if (maxWorkers <= 1 || transforms.Count == 0)
        {
            await RunInOrderAsync(input, output, cancellationToken).ConfigureAwait(false);
            return;
        }

        var stages = new List<Task>();
        var reader = input;
        foreach (var segment in Segments())
        {
            var next = Channel.CreateBounded<SourceBatch<T>>(new BoundedChannelOptions(maxWorkers) { SingleReader = true, SingleWriter = true });
            var (from, to) = (reader, next.Writer);
            stages.Add(Task.Run(() => Completing(to, () => segment.Parallel ? RunAtOnceAsync(segment.Indexes, from, to, cancellationToken) : RunOneAtATimeAsync(segment.Indexes, from, to, cancellationToken)), CancellationToken.None));
            reader = next.Reader;
        }

        stages.Add(PassOnAsync(reader, output, cancellationToken));

        // Batches overlap here, so the stage's duration is its wall time from start to end.
        counters.TransformTime.Start();
        try
        {
            await Task.WhenAll(stages).ConfigureAwait(false);
        }
        finally
        {
            counters.TransformTime.Stop();
        }
    }

    // The single-worker stage: every transform on a batch, then the next batch.
    private async Task RunInOrderAsync(ChannelReader<SourceBatch<T>> input, ChannelWriter<SourceBatch<TOut>> output, CancellationToken cancellationToken)
    {
        await foreach (var batch in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            counters.TransformTime.Start();
            foreach (var transform in transforms)
            {
                await transform.ApplyBatchAsync(batch, errors, cancellationToken).ConfigureAwait(false);
            }

            checkpoints.TakeDeltas(batch);
            var projected = await projection.ProjectAsync(batch, errors, cancellationToken).ConfigureAwait(false);
            counters.TransformTime.Stop();
            await PassOnAsync(projected, output, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunOneAtATimeAsync(int[] indexes, ChannelReader<SourceBatch<T>> input, ChannelWriter<SourceBatch<T>> output, CancellationToken cancellationToken)
    {
        await foreach (var batch in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await ApplyAsync(indexes, batch, cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    // Up to maxWorkers batches at once: each batch's work starts on the pool as it arrives, and the results are
    // passed on in arrival order, so a slow batch holds back the ones after it but never swaps places with them.
    private async Task RunAtOnceAsync(int[] indexes, ChannelReader<SourceBatch<T>> input, ChannelWriter<SourceBatch<T>> output, CancellationToken cancellationToken)
    {
        var pending = new Queue<Task<SourceBatch<T>>>();
        await foreach (var batch in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (pending.Count == maxWorkers)
            {
                await output.WriteAsync(await pending.Dequeue().ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }

            pending.Enqueue(Task.Run(
                async () =>
                {
                    await ApplyAsync(indexes, batch, cancellationToken).ConfigureAwait(false);
                    return batch;
                },
                cancellationToken));
        }

        while (pending.Count > 0)
        {
            await output.WriteAsync(await pending.Dequeue().ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ApplyAsync(int[] indexes, SourceBatch<T> batch, CancellationToken cancellationToken)
    {
        foreach (var index in indexes)
        {
            await transforms[index].ApplyBatchAsync(batch, errors, cancellationToken).ConfigureAwait(false);

            // Right after the transform saw the batch, so its delta is this batch's however far the others have got.
            checkpoints.TakeDelta(batch, index);
        }
    }

    // The segments' batches, in order: the projection sees one batch at a time.
    private async Task PassOnAsync(ChannelReader<SourceBatch<T>> input, ChannelWriter<SourceBatch<TOut>> output, CancellationToken cancellationToken)
    {
        await foreach (var batch in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var projected = await projection.ProjectAsync(batch, errors, cancellationToken).ConfigureAwait(false);
            await PassOnAsync(projected, output, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask PassOnAsync(SourceBatch<TOut> batch, ChannelWriter<SourceBatch<TOut>> output, CancellationToken cancellationToken)
    {
        counters.AddTransformed(batch.Count);
        if (destination is IEncodingDestination<TOut> { EncodesAhead: true } encoder && batch.Count > 0)
        {
            // Formatting runs on the thread pool, several batches at once; the load stage appends them in order.
            batch.Encoded = Task.Run(() => encoder.Encode(batch.Rows), cancellationToken);
        }

        await output.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    // Consecutive concurrency-safe transforms share a segment; each other transform is a segment of its own.
    private IEnumerable<(bool Parallel, int[] Indexes)> Segments()
    {
        var run = new List<int>();
        for (var i = 0; i < transforms.Count; i++)
        {
            if (transforms[i].IsConcurrencySafe)
            {
                run.Add(i);
                continue;
            }

            if (run.Count > 0)
            {
                yield return (true, [.. run]);
                run.Clear();
            }

            yield return (false, [i]);
        }

        if (run.Count > 0)
        {
            yield return (true, [.. run]);
        }
    }

    // A segment that ends, well or not, completes its output so the next one ends too; a failure travels with it.
    private static async Task Completing(ChannelWriter<SourceBatch<T>> output, Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
            output.TryComplete();
        }
        catch (Exception error)
        {
            output.TryComplete(error);
            throw;
        }
    }
}
