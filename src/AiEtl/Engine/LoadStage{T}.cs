using System.Diagnostics;
using System.Threading.Channels;
using AiEtl.Internal;

namespace AiEtl;

/// <summary>
/// The load stage: writes batches in transactions of <see cref="PipelineOptions.CommitEvery"/> batches, retrying
/// a failed transaction whole; the checkpoint of each transaction is staged in the destination before its commit
/// (so it commits with the rows) and mirrored to the state file after it. A transaction whose batch the destination
/// rejects is rolled back and written again through <see cref="RejectedRowIsolation{T}"/>, which finds the rejected
/// rows; the rows it skips go to the dead-letter file before that transaction commits.
/// </summary>
internal sealed class LoadStage<T>(
    IDestination<T> destination,
    PipelineOptions options,
    RunCounters counters,
    ITransactionCheckpoints checkpoints,
    DeadLetterWriter deadLetters,
    RowErrorCollector errors,
    string sourceId,
    StageRetry retry)
{
    private readonly int _commitEvery = options.CommitEvery ?? destination.DefaultCommitEvery;

    private readonly RejectedRowIsolation<T>? _isolation = destination is IRowIsolatingDestination<T> isolating
        ? new RejectedRowIsolation<T>(isolating, options.ErrorHandling.OnLoadError, errors, sourceId)
        : null;

    public async Task RunAsync(ChannelReader<SourceBatch<T>> input, CancellationToken cancellationToken)
    {
        // Without retries or isolation nothing is ever written twice, so each batch goes back to the pool once written.
        var unit = new LoadUnit<T>(keepForReplay: options.RetryPolicy.MaxRetries > 0 || _isolation is not null);
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
                        if (unit.Batches >= _commitEvery)
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

                unit.RowsWritten += unit.Isolating
                    ? await _isolation!.WriteAsync(batch, unit, cancellationToken).ConfigureAwait(false)
                    : batch.Encoded is { } encoded
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
                if (unit.Rejected.Count > 0)
                {
                    // The rows this transaction leaves out must be durable in the dead-letter file before its checkpoint commits.
                    errors.DeadLetter(unit.Rejected);
                    deadLetters.Flush();
                }

                CrashPoints.Reach(CrashPoints.BeforeCommit);
                await destination.CommitAsync(cancellationToken).ConfigureAwait(false);
                unit.Open = false;
            }
        }
        catch (DataRejectedException) when (_isolation is not null && !unit.Isolating && unit.Held.Count > 0)
        {
            // A batch was rejected: the whole transaction is written again, batch by batch, finding the rejected rows.
            await RestartAsync(unit).ConfigureAwait(false);
            unit.Isolating = true;
            await WriteUnitAsync(unit, commit, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await RestartAsync(unit).ConfigureAwait(false);
            throw;
        }
    }

    // Rolls the open transaction back; the next attempt writes every held batch again.
    private async ValueTask RestartAsync(LoadUnit<T> unit)
    {
        unit.Open = false;
        unit.Written = 0;
        unit.RowsWritten = 0;
        unit.Rejected.Clear();
        await destination.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
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
        // A unit that wrote no row opened no transaction of its own: the destination's count is an earlier one's then.
        counters.AddLoaded(unit.RowsWritten, unit.RowsWritten > 0 ? (destination as IRowIsolatingDestination<T>)?.RowsUpdated ?? 0 : 0);
        errors.CountRejected(unit.Rejected);
        PipelineTelemetry.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, PipelineTelemetry.Tags(counters.Pipeline));
        activity?.SetTag("aietl.rows", unit.RowsWritten);
        Interlocked.Increment(ref counters.Commits);
        counters.CommittedPosition = unit.Position ?? counters.CommittedPosition;
        CrashPoints.Reach(CrashPoints.AfterCommit);

        // A destination that publishes on completion commits the checkpoint with the publication; the state file follows it then.
        if (destination is not ICompletableDestination { PublishesOnCompletion: true })
        {
            checkpoints.Committed();
        }

        PipelineLog.Committed(counters.Log, counters.Pipeline, Interlocked.Read(ref counters.Commits), Interlocked.Read(ref counters.Loaded));
        counters.ReportProgress(options.Progress, options.TimeProvider.GetUtcNow(), completed: false);
        unit.Reset();
    }
}
