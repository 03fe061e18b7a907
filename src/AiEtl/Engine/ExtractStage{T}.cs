using System.Threading.Channels;

namespace AiEtl;

/// <summary>The extract stage: reads the source's batches into the channel to the transforms, timing the reads.</summary>
internal sealed class ExtractStage<T>(ISource<T> source, RunCounters counters)
{
    public async Task RunAsync(ReadContext context, ChannelWriter<SourceBatch<T>> output, CancellationToken cancellationToken)
    {
        var batches = source.ReadAsync(context, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (batches.ConfigureAwait(false))
        {
            while (true)
            {
                counters.ExtractTime.Start();
                var more = await batches.MoveNextAsync().ConfigureAwait(false);
                counters.ExtractTime.Stop();
                if (!more)
                {
                    break;
                }

                var batch = batches.Current;
                counters.AddExtracted(batch.RecordsRead);
                await output.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
