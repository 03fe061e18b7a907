namespace AiEtl;

/// <summary>
/// What the load stage does with the run's checkpoints: stages one with each transaction, so the destination commits
/// it with the rows, and mirrors it to the state file once committed. It knows nothing of the rows read, so a stage
/// that loads rows of another type than the source reads (a projection) drives the same checkpoints.
/// </summary>
internal interface ITransactionCheckpoints
{
    /// <summary>The state staged with the open transaction (or, when the destination publishes on completion, with the publication).</summary>
    PipelineState? Staged { get; }

    /// <summary>Whether a commit must open a transaction even for no rows, so the destination commits the checkpoint.</summary>
    bool CommitsInDestination { get; }

    /// <summary>Stages the checkpoint of a transaction in the destination, to be committed with its rows.</summary>
    void Stage(SourceState? position, IReadOnlyDictionary<string, byte[]> deltas);

    /// <summary>After the destination committed (or published) the staged checkpoint: saves it to the state file.</summary>
    void Committed();
}
