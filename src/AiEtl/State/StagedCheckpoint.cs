using System.Buffers;
using System.ComponentModel;

namespace AiEtl.Internal;

/// <summary>
/// What a <see cref="ICheckpointingDestination"/> was given to commit and has not committed yet: the last state
/// staged and, per transform, every delta staged since the last commit (or, for a destination that publishes on
/// completion, since the run began).
/// </summary>
/// <remarks>For AiEtl's adapters and generated code, which is why it is public; it is not part of the supported API and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StagedCheckpoint
{
    private readonly Dictionary<string, ArrayBufferWriter<byte>> _deltas = new(StringComparer.Ordinal);

    /// <summary>Whose checkpoint it is; <see langword="null"/> when nothing is staged.</summary>
    public CheckpointKey? Key { get; private set; }

    /// <summary>The last state staged.</summary>
    public PipelineState? State { get; private set; }

    /// <summary>Whether something waits to be committed.</summary>
    public bool IsStaged => State is not null;

    /// <summary>
    /// Whether the next commit starts a new generation (a replace, a table dropped and created): the transforms'
    /// memory committed by earlier generations is then deleted with it, as their rows were.
    /// </summary>
    public bool StartsGeneration { get; private set; }

    /// <summary>Keeps <paramref name="checkpoint"/>'s state and appends its deltas to those staged before.</summary>
    /// <param name="key">Whose checkpoint it is.</param>
    /// <param name="checkpoint">The state and the deltas of the rows written since the last stage.</param>
    /// <param name="startsEmpty">Whether the destination writes a new generation this run (<see cref="ICheckpointingDestination.StartsEmpty"/>).</param>
    public void Add(CheckpointKey key, StoredCheckpoint checkpoint, bool startsEmpty)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (Key is not null && Key != key)
        {
            throw new InvalidOperationException($"a checkpoint of {Key} is staged; one destination keeps one pipeline's checkpoint a run");
        }

        StartsGeneration |= startsEmpty && Key is null;
        Key = key;
        State = checkpoint.State;
        foreach (var (transform, delta) in checkpoint.TransformState)
        {
            if (!_deltas.TryGetValue(transform, out var buffer))
            {
                _deltas[transform] = buffer = new ArrayBufferWriter<byte>();
            }

            buffer.Write(delta);
        }
    }

    /// <summary>The staged deltas that hold bytes, by transform.</summary>
    public IEnumerable<KeyValuePair<string, ReadOnlyMemory<byte>>> Deltas =>
        _deltas.Where(pair => pair.Value.WrittenCount > 0).Select(pair => KeyValuePair.Create(pair.Key, pair.Value.WrittenMemory));

    /// <summary>Forgets what was staged, after it was committed.</summary>
    public void Clear()
    {
        State = null;
        StartsGeneration = false;
        foreach (var buffer in _deltas.Values)
        {
            buffer.ResetWrittenCount();
        }
    }
}
