using System.Numerics;
using System.Runtime.CompilerServices;

namespace AiEtl;

/// <summary>
/// The set of 128-bit key hashes a <see cref="Deduplicator{T, TKey}"/> remembers: open addressing with linear probing
/// in one array of 16-byte slots, kept at most three quarters full, so 21-43 bytes a key (twice that for a moment while
/// it grows). <see cref="HashSet{T}"/> of <see cref="UInt128"/> takes 28-56 bytes a key, and its <c>Add</c> is
/// framework code compiled for this one instantiation, which under default tiering runs unoptimised for most of a run.
/// </summary>
/// <remarks>The zero hash marks an empty slot, so it is kept apart.</remarks>
internal sealed class KeyHashSet
{
    private const int MinimumSlots = 16;
    private UInt128[] _slots = new UInt128[MinimumSlots];
    private bool _hasZero;

    /// <summary>How many hashes it holds.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="hash"/>; false when it was there already.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Add(UInt128 hash)
    {
        if (hash == UInt128.Zero)
        {
            return AddZero();
        }

        if ((Count + 1) * 4L > _slots.Length * 3L)
        {
            Resize(_slots.Length * 2);
        }

        if (!Insert(_slots, hash))
        {
            return false;
        }

        Count++;
        return true;
    }

    /// <summary>Whether it holds <paramref name="hash"/>.</summary>
    public bool Contains(UInt128 hash)
    {
        if (hash == UInt128.Zero)
        {
            return _hasZero;
        }

        var mask = _slots.Length - 1;
        for (var i = SlotOf(hash, mask); ; i = (i + 1) & mask)
        {
            if (_slots[i] == hash)
            {
                return true;
            }

            if (_slots[i] == UInt128.Zero)
            {
                return false;
            }
        }
    }

    /// <summary>Makes room for <paramref name="count"/> hashes in all without growing again.</summary>
    public void EnsureCapacity(int count)
    {
        var slots = _slots.Length;
        while (count * 4L > slots * 3L)
        {
            slots *= 2;
        }

        if (slots > _slots.Length)
        {
            Resize(slots);
        }
    }

    // The hashes are uniform already when they come from KeyHash; a user's own UInt128 keys may not be, so the two
    // halves are folded and spread (Fibonacci hashing) before the low bits pick the slot.
    private static int SlotOf(UInt128 hash, int mask) =>
        (int)(((ulong)hash ^ (ulong)(hash >> 64)) * 0x9E3779B97F4A7C15UL >> 32) & mask;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Insert(UInt128[] slots, UInt128 hash)
    {
        var mask = slots.Length - 1;
        for (var i = SlotOf(hash, mask); ; i = (i + 1) & mask)
        {
            if (slots[i] == hash)
            {
                return false;
            }

            if (slots[i] == UInt128.Zero)
            {
                slots[i] = hash;
                return true;
            }
        }
    }

    private bool AddZero()
    {
        if (_hasZero)
        {
            return false;
        }

        _hasZero = true;
        Count++;
        return true;
    }

    private void Resize(int slots)
    {
        var larger = new UInt128[BitOperations.RoundUpToPowerOf2((uint)slots)];
        foreach (var hash in _slots)
        {
            if (hash != UInt128.Zero)
            {
                Insert(larger, hash);
            }
        }

        _slots = larger;
    }
}
