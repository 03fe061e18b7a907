using System.Buffers;

namespace AiEtl;

/// <summary>The batches of the open transaction: kept until the commit when a retry may have to write them again.</summary>
internal sealed class LoadUnit<T>(bool keepForReplay)
{
    public List<SourceBatch<T>> Held { get; } = [];

    /// <summary>How many of <see cref="Held"/> the open transaction already holds.</summary>
    public int Written { get; set; }

    public bool Open { get; set; }

    public int Batches { get; private set; }

    public long RowsWritten { get; set; }

    /// <summary>Whether a batch of this transaction was rejected, so its batches are written by <see cref="RejectedRowIsolation{T}"/>.</summary>
    public bool Isolating { get; set; }

    /// <summary>The rows the destination rejected in the open transaction, masked: dead-lettered before it commits, counted after.</summary>
    public List<RowError> Rejected { get; } = [];

    /// <summary>The source's position after the last batch added: the checkpoint of this transaction.</summary>
    public SourceState? Position { get; private set; }

    private readonly Dictionary<string, ArrayBufferWriter<byte>> _deltas = new(StringComparer.Ordinal);

    /// <summary>What the resumable transforms learnt from the batches of this transaction, by transform.</summary>
    public IReadOnlyDictionary<string, byte[]> Deltas => _deltas.ToDictionary(pair => pair.Key, pair => pair.Value.WrittenSpan.ToArray(), StringComparer.Ordinal);

    public void Add(SourceBatch<T> batch)
    {
        Held.Add(batch);
        Batches++;
        Position = batch.StateAfter ?? Position;
        foreach (var (transform, delta) in batch.TransformDeltas ?? [])
        {
            if (!_deltas.TryGetValue(transform, out var buffer))
            {
                _deltas[transform] = buffer = new ArrayBufferWriter<byte>();
            }

            buffer.Write(delta);
        }
    }

    public void ReleaseWrittenUnlessKept()
    {
        if (!keepForReplay)
        {
            ReleaseAll();
        }
    }

    public void Reset()
    {
        ReleaseAll();
        Batches = 0;
        RowsWritten = 0;
        Isolating = false;
        Rejected.Clear();
        Position = null;
        _deltas.Clear();
    }

    public void ReleaseAll()
    {
        foreach (var batch in Held)
        {
            batch.Release();
        }

        Held.Clear();
        Written = 0;
    }
}
