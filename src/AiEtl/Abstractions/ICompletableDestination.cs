namespace AiEtl;

/// <summary>
/// A destination that publishes the work of a whole run once, after its last batch was committed (a
/// <see cref="WriteMode.Replace"/> load swaps its staging table in). The pipeline calls
/// <see cref="CompleteAsync"/> after a successful run, before disposing the destination, and never after a
/// failed one; code that drives a destination by hand calls it the same way.
/// </summary>
public interface ICompletableDestination
{
    /// <summary>
    /// Whether committed batches become visible only at <see cref="CompleteAsync"/> (a file written to a
    /// temp file, a replace through a staging table). The pipeline then saves the source checkpoint only
    /// after the completion, so a run that fails before it is read again in full and nothing is skipped.
    /// </summary>
    bool PublishesOnCompletion { get; }

    /// <summary>Publishes the run's rows. Idempotent: a second call does nothing.</summary>
    /// <exception cref="WriteException">The rows cannot be published; the destination is left as before the run.</exception>
    ValueTask CompleteAsync(CancellationToken cancellationToken = default);
}
