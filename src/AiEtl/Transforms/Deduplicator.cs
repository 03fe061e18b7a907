using System.Buffers;
using System.Runtime.InteropServices;

namespace AiEtl;

/// <summary>
/// Drops duplicate rows, keeping the first of each key (the <c>keep_first</c> strategy): drops every row whose key
/// was seen before. It remembers a 128-bit hash of each distinct key (<see cref="KeyHash"/>), not the key: 16
/// bytes a key in the checkpoint, about 32 in memory, whatever the key's size. With a state and a destination
/// that keeps its checkpoint, that memory is committed with the rows (<see cref="IResumableTransform"/>), so a
/// resumed run still drops a later duplicate of a row loaded before the restart.
/// </summary>
/// <remarks>Keys compare by value: normalise them in the selector (<c>c =&gt; c.Email.ToUpperInvariant()</c>) to compare otherwise.</remarks>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TKey">The key type, such as the primary key or a tuple of fields.</typeparam>
public sealed class Deduplicator<T, TKey> : Transform<T>, IResumableTransform
    where TKey : notnull
{
    private const int HashSize = 16;
    private readonly Func<T, TKey> _key;
    private readonly HashSet<UInt128> _seen = [];
    private readonly List<UInt128> _learnt = [];

    // Deltas are kept only once the engine restores the memory (it does when the checkpoint keeps it), so a run
    // without state does not hold every key twice.
    private bool _keepsDeltas;

    /// <summary>Creates a deduplicator on the key <paramref name="key"/> selects.</summary>
    public Deduplicator(Func<T, TKey> key)
    {
        _key = key ?? throw new ArgumentNullException(nameof(key));
    }

    /// <inheritdoc />
    public override string Name => "deduplicator";

    /// <summary>How many distinct keys it remembers.</summary>
    public int KeyCount => _seen.Count;

    /// <inheritdoc />
    public override bool Apply(ref T row)
    {
        var hash = KeyHash.Of(_key(row));
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

        _keepsDeltas = true;
        var hashes = MemoryMarshal.Cast<byte, UInt128>(state);
        _seen.EnsureCapacity(_seen.Count + hashes.Length);
        foreach (var hash in hashes)
        {
            _seen.Add(hash);
        }
    }
}
