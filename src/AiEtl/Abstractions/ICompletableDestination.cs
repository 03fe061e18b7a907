namespace AiEtl;

/// <summary>
/// A destination that publishes the work of a whole run once, after its last batch was committed (a
/// <see cref="WriteMode.Replace"/> load swaps its staging table in). The pipeline calls
/// <see cref="CompleteAsync"/> after a successful run, before disposing the destination, and never after a
/// failed one; code that drives a destination by hand calls it the same way.
/// </summary>
public interface ICompletableDestination
{
    /// <summary>Publishes the run's rows. Idempotent: a second call does nothing.</summary>
    /// <exception cref="WriteException">The rows cannot be published; the destination is left as before the run.</exception>
    ValueTask CompleteAsync(CancellationToken cancellationToken = default);
}
