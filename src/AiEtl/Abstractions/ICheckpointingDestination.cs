namespace AiEtl;

/// <summary>
/// A destination that keeps the pipeline's checkpoint itself, committed in the same transaction as the rows it
/// covers (SQLite and PostgreSQL: a state table; files: a manifest beside the target, recorded with the
/// publication). The destination is then the truth of what was committed: a killed run resumes exactly after
/// what the destination holds, whatever the state file says, as Kafka consumers that store offsets with their
/// results do.
/// </summary>
public interface ICheckpointingDestination
{
    /// <summary>
    /// Whether this run writes a new generation of the destination (a replace, a table dropped and created): it
    /// holds no rows yet, so it holds no checkpoint, and the source is read from its start.
    /// </summary>
    bool StartsEmpty { get; }

    /// <summary>What was committed for <paramref name="key"/>, or <see langword="null"/> when nothing was.</summary>
    /// <exception cref="StateException">The stored checkpoint cannot be read.</exception>
    ValueTask<StoredCheckpoint?> ReadCheckpointAsync(CheckpointKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stages the checkpoint of the rows written since the last commit. It is written with them, inside the
    /// transaction of the next <see cref="IDestination{T}.CommitAsync"/>; a destination that publishes on completion
    /// (<see cref="ICompletableDestination.PublishesOnCompletion"/>) keeps the last state and every transform delta
    /// staged until <see cref="ICompletableDestination.CompleteAsync"/> and writes them with the publication. A
    /// rollback keeps what is staged, so a retried transaction commits it.
    /// </summary>
    void StageCheckpoint(CheckpointKey key, StoredCheckpoint checkpoint);

    /// <summary>
    /// Forgets what was committed for <paramref name="key"/>, so that the next run reads its source from the start
    /// (<c>aietl state clear</c>); the rows already loaded stay. Does nothing when nothing was committed.
    /// </summary>
    /// <exception cref="StateException">The stored checkpoint cannot be removed.</exception>
    ValueTask ForgetCheckpointAsync(CheckpointKey key, CancellationToken cancellationToken = default);
}
