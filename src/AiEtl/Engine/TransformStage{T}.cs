using System.Threading.Channels;
using AiEtl.Internal;

namespace AiEtl;

/// <summary>
/// The transform stage: applies the transforms to each batch in order, then, for a destination that encodes
/// ahead, starts formatting the batch on the thread pool so the load stage only appends bytes.
/// </summary>
internal sealed class TransformStage<T>(IReadOnlyList<Transform<T>> transforms, IDestination<T> destination, RunCounters counters, IRowErrorSink errors, SourceCheckpoints<T> checkpoints)
{
    public async Task RunAsync(ChannelReader<SourceBatch<T>> input, ChannelWriter<SourceBatch<T>> output, CancellationToken cancellationToken)
    {
        await foreach (var batch in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            counters.TransformTime.Start();
            foreach (var transform in transforms)
            {
                await transform.ApplyBatchAsync(batch, errors, cancellationToken).ConfigureAwait(false);
            }

            checkpoints.TakeDeltas(batch);
            counters.TransformTime.Stop();
            counters.AddTransformed(batch.Count);
            if (destination is IEncodingDestination<T> { EncodesAhead: true } encoder && batch.Count > 0)
            {
                // Formatting runs on the thread pool, several batches at once; the load stage appends them in order.
                batch.Encoded = Task.Run(() => encoder.Encode(batch.Rows), cancellationToken);
            }

            await output.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }
}
