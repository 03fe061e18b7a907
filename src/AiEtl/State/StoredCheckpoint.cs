namespace AiEtl;

/// <summary>
/// A checkpoint as a destination stores it: the state (the state file's content) and what the transforms that
/// remember rows across batches learnt (<see cref="IResumableTransform"/>), by transform.
/// </summary>
/// <param name="State">Where the source resumes.</param>
/// <param name="TransformState">
/// Per transform (keyed <c>index:name</c>, such as <c>0:deduplicator</c>): when staged, what it learnt from the rows
/// of this commit only; when read back, every committed delta concatenated in commit order.
/// </param>
public sealed record StoredCheckpoint(PipelineState State, IReadOnlyDictionary<string, byte[]> TransformState);
