using System.Buffers;

namespace AiEtl;

/// <summary>
/// A transform that remembers rows across batches (a deduplicator's keys) and resumes with the checkpoint: after
/// each batch the engine takes what the transform learnt from it, the destination commits that delta with the
/// batch's rows, and a resumed run gives the transform every committed delta back before the first row. Its
/// memory then matches exactly the rows the destination holds.
/// </summary>
public interface IResumableTransform
{
    /// <summary>Writes what the transform learnt since the last call (the rows of one batch) and forgets the delta.</summary>
    void TakeStateDelta(IBufferWriter<byte> output);

    /// <summary>
    /// Restores the memory from every committed delta, concatenated in commit order (empty on a first run). The engine
    /// calls it before the first row whenever the checkpoint keeps the transform's memory; until then the transform
    /// need not keep deltas.
    /// </summary>
    /// <exception cref="StateException">The bytes are not this transform's state.</exception>
    void RestoreState(ReadOnlySpan<byte> state);
}
