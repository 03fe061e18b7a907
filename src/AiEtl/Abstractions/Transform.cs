using System.Runtime.CompilerServices;

namespace AiEtl;

/// <summary>
/// A transform applied to each row. It may change the row in place or
/// drop it. Transforms run on one thread per pipeline, in order, so they may keep state.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public abstract class Transform<T>
{
    /// <summary>The transform's name, as in errors and statistics.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Whether the transform may run on several batches at once, on the workers of
    /// <see cref="PipelineOptions.MaxWorkers"/>: true when it keeps no state across rows (its <see cref="Stats"/> are
    /// counted safely). The default is false: such a transform sees the batches one at a time, in order.
    /// </summary>
    public virtual bool IsConcurrencySafe => false;

    /// <summary>
    /// The schema of the rows the transform passes on, given the schema of those it receives: the same (the default)
    /// unless it changes the fields (<see cref="RecordSelect"/>, <see cref="RecordRename"/>). The run asks each transform
    /// in order before the first row, and the destination is made for what the last one passes on.
    /// </summary>
    /// <exception cref="PipelineConfigurationException">The transform names a field <paramref name="input"/> lacks.</exception>
    public virtual Schema OutputSchema(Schema input) => input;

    /// <summary>What the transform did.</summary>
    public TransformerStats Stats { get; private set; } = new();

    /// <summary>Transforms one row.</summary>
    /// <returns><see langword="false"/> to drop the row.</returns>
    /// <exception cref="TransformException">The row cannot be transformed; it goes to the error policy.</exception>
    public abstract bool Apply(ref T row);

    /// <summary>
    /// Transforms a batch in place, compacting the kept rows to the front; returns how many were kept.
    /// A row that throws goes to <paramref name="errors"/> and is dropped (or the run fails, as the policy says).
    /// When the pipeline's transform error action is retry, a row that fails (with any exception) is transformed
    /// again as the retry policy says before its error counts.
    /// </summary>
    public virtual async ValueTask<int> ApplyBatchAsync(SourceBatch<T> batch, IRowErrorSink errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(errors);

        // With retry as the transform stage's action, a failing row is applied again as the retry policy says.
        var retrying = errors is RowErrorCollector { RetriesTransforms: true } collector ? collector : null;

        // Counted per batch and added once, so that batches transformed at once count right and cheaply.
        var (processed, kept, failed) = (0, 0, 0);
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                // The rows that pass or are dropped go by without an await; the loop stops here at each row that fails.
                i = ApplyUntilFailure(batch, i, catchAll: retrying is not null, ref processed, ref kept, out var failure, out var keep);
                if (failure is null)
                {
                    break;
                }

                // A row a check rejected (a validator's violations, a score under the minimum) fails the same way every time.
                if (failure is { Exception: not (null or ValidationException) } && retrying is not null)
                {
                    var retries = 0;
                    while (failure is not null && await retrying.WaitToRetryAsync(failure, retries, cancellationToken).ConfigureAwait(false))
                    {
                        retries++;
                        failure = TryApplyCatchingAll(ref batch.Rows[i], out keep);
                    }

                    if (failure is not null && retries > 0)
                    {
                        failure = failure with { Message = $"{failure.Message} (still failing after {retries} {(retries == 1 ? "retry" : "retries")}: the transform stage's error action is retry)" };
                    }
                }

                if (failure is not null)
                {
                    failed++;

                    // The row's place in the source, when the transform did not give one.
                    await errors.ReportAsync(failure.Location is null ? failure with { Location = batch.LocationOf(i) } : failure, cancellationToken).ConfigureAwait(false);
                }
                else if (keep)
                {
                    var rows = batch.Rows;
                    rows[kept] = rows[i];
                    batch.MovePosition(i, kept++);
                }
            }
        }
        finally
        {
            Stats.Add(processed, filtered: processed - kept - failed, errors: failed);
        }

        batch.Truncate(kept);
        return kept;
    }

    // Applies the transform to the rows from start on, compacting the kept ones, up to the first that fails: returns
    // its index with its failure, or the batch's count. Compiled optimised at once: under default tiering a loop run
    // once per batch would stay unoptimised for most of a run.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ApplyUntilFailure(SourceBatch<T> batch, int start, bool catchAll, ref int processed, ref int kept, out RowError? failure, out bool keep)
    {
        var rows = batch.Rows;
        for (var i = start; i < rows.Length; i++)
        {
            processed++;
            failure = catchAll ? TryApplyCatchingAll(ref rows[i], out keep) : TryApply(ref rows[i], out keep);
            if (failure is not null)
            {
                return i;
            }

            if (keep)
            {
                rows[kept] = rows[i];
                batch.MovePosition(i, kept++);
            }
        }

        (failure, keep) = (null, false);
        return rows.Length;
    }

    /// <summary>
    /// Transforms one row for <see cref="ApplyBatchAsync"/>: returns why it failed, or <see langword="null"/> with
    /// <paramref name="keep"/> saying whether to keep it. The default calls <see cref="Apply"/> and turns its
    /// exception into the error; a transform that rejects many rows (a validator) overrides it to skip the throw.
    /// </summary>
    protected virtual RowError? TryApply(ref T row, out bool keep)
    {
        try
        {
            keep = Apply(ref row);
            return null;
        }
        catch (Exception error) when (error is TransformException or FormatException or ArgumentException or InvalidOperationException)
        {
            keep = false;
            return new RowError(PipelineStage.Transform, $"{Name}: {error.Message}") { Exception = error };
        }
    }

    // With retry as the action, a transient failure of any kind (a lookup's I/O error) is retried, not only a transform's own errors.
    private RowError? TryApplyCatchingAll(ref T row, out bool keep)
    {
        try
        {
            return TryApply(ref row, out keep);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            keep = false;
            return new RowError(PipelineStage.Transform, $"{Name}: {error.Message}") { Exception = error };
        }
    }

    /// <summary>Counts the row being transformed as changed in <see cref="TransformerStats.RecordsModified"/>; call it from <see cref="Apply"/>.</summary>
    /// <remarks>Only the transform knows whether it changed a row (comparing every row before and after would cost a copy per row).</remarks>
    protected void CountModified() => Stats.AddModified();

    /// <summary>Resets the statistics.</summary>
    public void ResetStats() => Stats = new TransformerStats();
}
