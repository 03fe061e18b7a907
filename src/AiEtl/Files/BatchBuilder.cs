namespace AiEtl;

/// <summary>
/// Turns tokenized batches into rows on the thread pool, several at once, while the reading thread goes on,
/// and hands the batches back in the order they were started, each with the row errors found in it (in file
/// order), which go to the pipeline's error policy before the batch goes on. With a degree of parallelism of 1
/// a batch is built on the calling thread.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
internal sealed class BatchBuilder<T>
{
    private readonly Queue<Task<(SourceBatch<T> Batch, List<RowError>? Errors)>> _building = new();
    private readonly int _parallelism;

    /// <param name="maxDegreeOfParallelism">
    /// How many batches are built at once; <see langword="null"/> for one more than the processor count, so that a
    /// core that finishes a batch finds the next one already queued instead of waiting for the reading thread (a
    /// 1M-row CSV -> JSON Lines run on 2 cores: 0.51 -> 0.45 s; more than one extra batch gained nothing and held
    /// more rows in memory).
    /// </param>
    public BatchBuilder(int? maxDegreeOfParallelism) => _parallelism = Math.Max(1, maxDegreeOfParallelism ?? Environment.ProcessorCount + 1);

    /// <summary>Whether as many batches are being built as may be: the caller should take the oldest before starting another.</summary>
    public bool IsFull => _building.Count >= _parallelism;

    /// <summary>Whether no batch is being built.</summary>
    public bool IsEmpty => _building.Count == 0;

    /// <summary>Starts building a batch; <paramref name="build"/> returns its rows and the errors of the records that are not rows.</summary>
    public void Start(Func<(SourceBatch<T> Batch, List<RowError>? Errors)> build, CancellationToken cancellationToken) =>
        _building.Enqueue(_parallelism > 1 ? Task.Run(build, cancellationToken) : Task.FromResult(build()));

    /// <summary>The oldest batch, once built, after its row errors went to <paramref name="context"/>'s error sink.</summary>
    public async ValueTask<SourceBatch<T>> NextAsync(ReadContext context, CancellationToken cancellationToken)
    {
        var (batch, errors) = await _building.Dequeue().ConfigureAwait(false);
        foreach (var error in errors ?? [])
        {
            await context.Errors.ReportAsync(error, cancellationToken).ConfigureAwait(false);
        }

        return batch;
    }
}
