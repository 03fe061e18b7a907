using System.Threading.Channels;

namespace AiEtl;

/// <summary>
/// The extract stage: reads the source's batches into the channel to the transforms, timing the reads. With
/// <see cref="ErrorHandlingOptions.OnExtractError"/> = retry, a read that fails (the source throws, or a bad row
/// fails it) is started again from the position after the last batch passed on, as the retry policy says, so no
/// row is passed on twice; a source that cannot resume from a position is retried only before its first batch.
/// The source is connected again before each retry.
/// </summary>
internal sealed class ExtractStage<T>
{
    private readonly ISource<T> _source;
    private readonly RunCounters _counters;
    private readonly StageRetry _retry;
    private bool _passedOn;

    public ExtractStage(ISource<T> source, RunCounters counters, RetryPolicy policy, ErrorAction action, TimeProvider clock)
    {
        _source = source;
        _counters = counters;
        _retry = new StageRetry(policy, clock, PipelineStage.Extract, action, transientAlways: false, canRetry: () => _source.SupportsIncremental || !_passedOn);
    }

    public async Task RunAsync(ReadContext context, ChannelWriter<SourceBatch<T>> output, CancellationToken cancellationToken)
    {
        // Where a retried read starts again: the restored checkpoint, then the position after each batch passed on.
        var resumeAt = _source.GetState();
        var attempts = 0;
        await _retry.ExecuteAsync(
            async (state, token) =>
            {
                if (attempts++ > 0)
                {
                    // A database source opens a new connection: the failure may have been the old one's.
                    await _source.ConnectAsync(token).ConfigureAwait(false);
                }

                _source.SetState(resumeAt);
                var batches = _source.ReadAsync(context, token).GetAsyncEnumerator(token);
                await using (batches.ConfigureAwait(false))
                {
                    while (true)
                    {
                        _counters.ExtractTime.Start();
                        bool more;
                        try
                        {
                            more = await batches.MoveNextAsync().ConfigureAwait(false);
                        }
                        finally
                        {
                            _counters.ExtractTime.Stop();
                        }

                        if (!more)
                        {
                            break;
                        }

                        var batch = batches.Current;
                        _counters.AddExtracted(batch.RecordsRead);
                        await state.WriteAsync(batch, token).ConfigureAwait(false);
                        _passedOn = true;
                        resumeAt = batch.StateAfter ?? resumeAt;
                    }
                }
            },
            output,
            cancellationToken).ConfigureAwait(false);
    }
}
