using System.Buffers;
using System.Runtime.InteropServices;

namespace AiEtl;

/// <summary>
/// The <c>deduplicator</c> transform. With <see cref="DuplicateStrategy.KeepFirst"/> (the default) it drops every
/// row whose key was seen before. It remembers a 128-bit hash of each distinct key (<see cref="KeyHash"/>), not the
/// key: 16 bytes a key in the checkpoint, 21-43 in memory (<see cref="KeyHashSet"/>), whatever the key's size, up to
/// <see cref="DeduplicatorOptions.MaxKeys"/>. With a state and a destination that keeps its checkpoint, that memory
/// is committed with the rows (<see cref="IResumableTransform"/>), so a resumed run still drops a later duplicate of
/// a row loaded before the restart. With <see cref="DuplicateStrategy.KeepLast"/> it keeps the last row of each key
/// of a batch and leaves the earlier batches to the destination's merge.
/// </summary>
/// <remarks>Keys compare by value: normalise them in the selector (<c>c =&gt; c.Email.ToUpperInvariant()</c>) to compare otherwise.</remarks>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TKey">The key type, such as the primary key or a tuple of fields.</typeparam>
public class Deduplicator<T, TKey> : Transform<T>, IResumableTransform, IMergeDependentTransform
    where TKey : notnull
{
    private const int HashSize = 16;
    private readonly Func<T, TKey> _key;
    private readonly KeyHashSet _seen = new();
    private readonly List<UInt128> _learnt = [];
    private readonly Dictionary<UInt128, int> _lastInBatch = [];

    // Deltas are kept only once the engine restores the memory (it does when the checkpoint keeps it), so a run
    // without state does not hold every key twice.
    private bool _keepsDeltas;

    /// <summary>Creates a deduplicator on the key <paramref name="key"/> selects.</summary>
    /// <exception cref="PipelineConfigurationException">The bound on keys is not positive.</exception>
    public Deduplicator(Func<T, TKey> key, DeduplicatorOptions? options = null)
    {
        _key = key ?? throw new ArgumentNullException(nameof(key));
        Options = options ?? new DeduplicatorOptions();
        if (Options.MaxKeys < 1)
        {
            throw new PipelineConfigurationException($"deduplicator: the bound on distinct keys must be at least 1, not {Options.MaxKeys}");
        }
    }

    /// <inheritdoc />
    public override string Name => "deduplicator";

    /// <summary>The options it runs with.</summary>
    public DeduplicatorOptions Options { get; }

    /// <summary>How many distinct keys it remembers.</summary>
    public int KeyCount => _seen.Count;

    bool IMergeDependentTransform.NeedsMerge => Options.Strategy == DuplicateStrategy.KeepLast;

    IReadOnlyList<string>? IMergeDependentTransform.KeyFields => Options.KeyFields;

    /// <inheritdoc />
    /// <remarks>With <see cref="DuplicateStrategy.KeepLast"/> one row alone is always the last of its key: the batch decides.</remarks>
    public override bool Apply(ref T row)
    {
        if (Options.Strategy == DuplicateStrategy.KeepLast)
        {
            return true;
        }

        var hash = KeyHash.Of(_key(row));
        if (_seen.Count >= Options.MaxKeys && !_seen.Contains(hash))
        {
            throw new PipelineConfigurationException($"deduplicator: the input has more than {Options.MaxKeys} distinct keys, the bound set to keep its memory bounded (21-43 bytes a key); raise DeduplicatorOptions.MaxKeys (max_keys), or use keep_last with a destination that merges on the key, which remembers no keys");
        }

        if (!_seen.Add(hash))
        {
            return false;
        }

        if (_keepsDeltas)
        {
            _learnt.Add(hash);
        }

        return true;
    }

    /// <inheritdoc />
    public override ValueTask<int> ApplyBatchAsync(SourceBatch<T> batch, IRowErrorSink errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (Options.Strategy != DuplicateStrategy.KeepLast)
        {
            return base.ApplyBatchAsync(batch, errors, cancellationToken);
        }

        // Where each key last appears in the batch; a row is kept only there, so the kept rows stay in input order.
        _lastInBatch.Clear();
        var rows = batch.Rows;
        Span<UInt128> hashes = batch.Count <= 1024 ? stackalloc UInt128[batch.Count] : new UInt128[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            hashes[i] = KeyHash.Of(_key(rows[i]));
            _lastInBatch[hashes[i]] = i;
        }

        var kept = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (_lastInBatch[hashes[i]] == i)
            {
                rows[kept] = rows[i];
                batch.MovePosition(i, kept++);
            }
        }

        Stats.RecordsProcessed += batch.Count;
        Stats.RecordsFiltered += batch.Count - kept;
        batch.Truncate(kept);
        return ValueTask.FromResult(kept);
    }

    /// <inheritdoc />
    public void TakeStateDelta(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(_learnt)));
        _learnt.Clear();
    }

    /// <inheritdoc />
    public void RestoreState(ReadOnlySpan<byte> state)
    {
        if (state.Length % HashSize != 0)
        {
            throw new StateException($"the stored memory of the deduplicator holds {state.Length} bytes, not a whole number of {HashSize}-byte key hashes");
        }

        _keepsDeltas = Options.Strategy == DuplicateStrategy.KeepFirst;
        var hashes = MemoryMarshal.Cast<byte, UInt128>(state);
        _seen.EnsureCapacity(_seen.Count + hashes.Length);
        foreach (var hash in hashes)
        {
            _seen.Add(hash);
        }
    }
}
