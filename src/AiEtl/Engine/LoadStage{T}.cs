using System.Diagnostics;
using System.Threading.Channels;
using AiEtl.Internal;
using Polly;

namespace AiEtl;

/// <summary>
/// The load stage: writes batches in transactions of <see cref="PipelineOptions.CommitEvery"/> batches, retrying
/// a failed transaction whole; the checkpoint of each transaction is staged in the destination before its commit
/// (so it commits with the rows) and mirrored to the state file after it.
/// </summary>
internal sealed class LoadStage<T>(
    IDestination<T> destination,
    PipelineOptions options,
    RunCounters counters,
    SourceCheckpoints<T> checkpoints,
    DeadLetterWriter deadLetters,
    ResiliencePipeline retry)
{
    public async Task RunAsync(ChannelReader<SourceBatch<T>> input, CancellationToken cancellationToken)
    {
        // Without retries nothing is ever written twice, so each batch goes back to the pool once written.
        var unit = new LoadUnit<T>(keepForReplay: options.RetryPolicy.MaxRetries > 0);
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await input.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // An upstream stage failed: the batches it passed on before are good, commit them.
                    await CommitAsync(unit, cancellationToken).ConfigureAwait(false);
                    throw;
                }

                if (!more)
                {
                    break;
                }

                while (input.TryRead(out var batch))
                {
                    counters.LoadTime.Start();
                    try
                    {
                        unit.Add(batch);
                        await retry.ExecuteAsync(static (state, token) => state.Self.WriteUnitAsync(state.Unit, commit: false, token), (Self: this, Unit: unit), cancellationToken).ConfigureAwait(false);
                        if (unit.Batches >= options.CommitEvery)
                        {
                            await CommitAsync(unit, cancellationToken).ConfigureAwait(false);
                        }
                    }
                    finally
                    {
                        counters.LoadTime.Stop();
                    }
                }
            }

            counters.LoadTime.Start();
            await CommitAsync(unit, cancellationToken).ConfigureAwait(false);
            counters.LoadTime.Stop();
        }
        finally
        {
            if (unit.Open)
            {
                // Cancelled or failed between two batches of a transaction: none of its rows stay.
                await destination.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }

            unit.ReleaseAll();
        }
    }

    // One attempt: a transaction rolled back by an earlier attempt is begun again and every held batch written again.
    private async ValueTask WriteUnitAsync(LoadUnit<T> unit, bool commit, CancellationToken cancellationToken)
    {
        try
        {
            for (; unit.Written < unit.Held.Count; unit.Written++)
            {
                var batch = unit.Held[unit.Written];
                if (batch.Count == 0)
                {
                    continue;
                }

                if (!unit.Open)
                {
                    await destination.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    unit.Open = true;
                }

                unit.RowsWritten += batch.Encoded is { } encoded
                    ? await ((IEncodingDestination<T>)destination).WriteEncodedAsync(await encoded.ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
                    : await destination.WriteAsync(batch.Memory, cancellationToken).ConfigureAwait(false);
            }

            unit.ReleaseWrittenUnlessKept();
            if (commit && !unit.Open && checkpoints.CommitsInDestination && checkpoints.Staged is not null)
            {
                // No row to write (every one was bad or filtered), but the checkpoint that passes them must commit.
                await destination.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                unit.Open = true;
            }

            if (commit && unit.Open)
            {
                CrashPoints.Reach(CrashPoints.BeforeCommit);
                await destination.CommitAsync(cancellationToken).ConfigureAwait(false);
                unit.Open = false;
            }
        }
        catch
        {
            unit.Open = false;
            unit.Written = 0;
            unit.RowsWritten = 0;
            await destination.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task CommitAsync(LoadUnit<T> unit, CancellationToken cancellationToken)
    {
        if (unit.Batches == 0)
        {
            return;
        }

        using var activity = PipelineTelemetry.Traces.StartActivity("aietl.pipeline.commit");
        activity?.SetTag(PipelineTelemetry.PipelineTag, counters.Pipeline);
        var started = Stopwatch.GetTimestamp();

        // Rows the source skipped into the dead-letter file must be durable before the checkpoint that passes them commits.
        deadLetters.Flush();
        checkpoints.Stage(unit.Position, unit.Deltas);
        await retry.ExecuteAsync(static (state, token) => state.Self.WriteUnitAsync(state.Unit, commit: true, token), (Self: this, Unit: unit), cancellationToken).ConfigureAwait(false);
        counters.AddLoaded(unit.RowsWritten);
        PipelineTelemetry.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, PipelineTelemetry.Tags(counters.Pipeline));
        activity?.SetTag("aietl.rows", unit.RowsWritten);
        Interlocked.Increment(ref counters.Commits);
        CrashPoints.Reach(CrashPoints.AfterCommit);

        // A destination that publishes on completion commits the checkpoint with the publication; the state file follows it then.
        if (destination is not ICompletableDestination { PublishesOnCompletion: true })
        {
            checkpoints.Committed();
        }

        PipelineLog.Committed(counters.Log, counters.Pipeline, Interlocked.Read(ref counters.Commits), Interlocked.Read(ref counters.Loaded));
        options.Progress?.Report(counters.Progress(options.TimeProvider.GetUtcNow(), completed: false));
        unit.Reset();
    }
}
