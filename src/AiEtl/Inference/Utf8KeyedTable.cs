using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace AiEtl;

/// <summary>
/// A bounded map from UTF-8 byte strings to values, looked up by the bytes themselves (no string is made for a key).
/// A key is found only for exactly the bytes it was added with: a slot holds the key's length and its first sixteen
/// bytes as two words (a short key, most of them, is compared there without another memory access), and a longer key's
/// other bytes are compared too; the hash only decides where to look. Open addressing in a table at least twice as large
/// as its keys, grown as they come (a column of a few values stays in a few cache lines): a key whose run of probes would
/// be longer than <see cref="MaxProbes"/> is not kept, so a lookup costs at most that many comparisons whatever the keys
/// are. Values are kept once each (most keys of a column share a few).
/// </summary>
/// <typeparam name="TValue">What is kept for each key.</typeparam>
internal sealed class Utf8KeyedTable<TValue>
    where TValue : notnull
{
    private const int MaxProbes = 32;
    private const int FirstSlots = 64;

    private readonly int _capacity;
    private readonly int _maxTailBytes;
    private Slot[] _slots = new Slot[FirstSlots];
    private TValue[] _values = new TValue[16];
    private int _valueCount;
    private readonly Dictionary<TValue, int> _valueNumbers;
    private byte[] _tails = []; // the bytes after the sixteenth of the longer keys
    private int _usedTailBytes;

    /// <param name="capacity">The most keys it holds.</param>
    /// <param name="maxTailBytes">The most bytes the keys take after their sixteenth together.</param>
    /// <param name="sameValue">When two values are one, kept once.</param>
    public Utf8KeyedTable(int capacity, int maxTailBytes, IEqualityComparer<TValue> sameValue)
    {
        _capacity = capacity;
        _maxTailBytes = maxTailBytes;
        _valueNumbers = new(sameValue);
    }

    public int Count { get; private set; }

    /// <summary>The value added for exactly these bytes; a null reference when there is none (test with <see cref="Unsafe.IsNullRef{T}(ref readonly T)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ref readonly TValue Find(ReadOnlySpan<byte> key)
    {
        var (head, next) = Words(key);
        var hash = Hash(key, head, next);
        var mask = _slots.Length - 1;
        var slot = (int)hash & mask;
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            ref var candidate = ref _slots[slot];
            if (candidate.Value == 0)
            {
                break;
            }

            if (candidate.Hash == hash && candidate.Head == head && candidate.Next == next && candidate.Length == key.Length
                && (key.Length <= 16 || key[16..].SequenceEqual(_tails.AsSpan(candidate.TailStart, key.Length - 16))))
            {
                return ref _values[candidate.Value - 1];
            }

            slot = (slot + 1) & mask;
        }

        return ref Unsafe.NullRef<TValue>();
    }

    /// <summary>Whether the key cannot be added for lack of room: the table is full, or the bytes of its keys are at their limit.</summary>
    public bool IsFullFor(ReadOnlySpan<byte> key) => Count == _capacity || _usedTailBytes + Math.Max(0, key.Length - 16) > _maxTailBytes;

    /// <summary>Adds a key not in the table; false when it is full for the key (<see cref="IsFullFor"/>) or the key's probes run too long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(ReadOnlySpan<byte> key, TValue value)
    {
        if (IsFullFor(key))
        {
            return false;
        }

        var tailLength = Math.Max(0, key.Length - 16);

        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        var (head, next) = Words(key);
        var hash = Hash(key, head, next);
        var mask = _slots.Length - 1;
        var slot = (int)hash & mask;
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            ref var free = ref _slots[slot];
            if (free.Value == 0)
            {
                var tailStart = _usedTailBytes;
                if (tailLength > 0)
                {
                    if (tailStart + tailLength > _tails.Length)
                    {
                        Array.Resize(ref _tails, Math.Min(_maxTailBytes, Math.Max(Math.Max(1024, _tails.Length * 2), tailStart + tailLength)));
                    }

                    key[16..].CopyTo(_tails.AsSpan(tailStart));
                    _usedTailBytes += tailLength;
                }

                if (!_valueNumbers.TryGetValue(value, out var number))
                {
                    if (_valueCount == _values.Length)
                    {
                        Array.Resize(ref _values, _values.Length * 2);
                    }

                    _values[_valueCount++] = value;
                    _valueNumbers[value] = number = _valueCount;
                }

                free = new Slot(head, next, key.Length, hash, tailStart, number);
                Count++;
                return true;
            }

            slot = (slot + 1) & mask;
        }

        return false;
    }

    // Twice the slots, each key moved to where its hash now points (one whose probes would run too long is dropped).
    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        var mask = _slots.Length - 1;
        Count = 0;
        foreach (var key in old)
        {
            if (key.Value == 0)
            {
                continue;
            }

            var slot = (int)key.Hash & mask;
            for (var probe = 0; probe < MaxProbes; probe++)
            {
                if (_slots[slot].Value == 0)
                {
                    _slots[slot] = key;
                    Count++;
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }
    }

    // The key's first sixteen bytes as two words. Up to sixteen, the words are read so as to cover every byte (overlapping
    // when shorter than a word): with the length, they are the key, so equal words and length are equal keys.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Head, ulong Next) Words(ReadOnlySpan<byte> key) => key.Length switch
    {
        0 => (0, 0),
        1 => (key[0], 0),
        < 4 => (BinaryPrimitives.ReadUInt16LittleEndian(key) | ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(key[^2..]) << 16), 0),
        < 8 => (BinaryPrimitives.ReadUInt32LittleEndian(key) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(key[^4..]) << 32), 0),
        <= 16 => (BinaryPrimitives.ReadUInt64LittleEndian(key), BinaryPrimitives.ReadUInt64LittleEndian(key[^8..])),
        _ => (BinaryPrimitives.ReadUInt64LittleEndian(key), BinaryPrimitives.ReadUInt64LittleEndian(key[8..])),
    };

    // Mixed so that the low bits, which pick the slot, depend on every byte (the bytes after the sixteenth a word at a time).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<byte> key, ulong head, ulong next)
    {
        var hash = Mix(Mix((ulong)key.Length * 0x9E3779B97F4A7C15UL, head), next);
        if (key.Length > 16)
        {
            hash = MixTail(hash, key[16..]);
        }

        hash ^= hash >> 29;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 32;
        return (uint)hash;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong MixTail(ulong hash, ReadOnlySpan<byte> tail)
    {
        while (tail.Length >= 8)
        {
            hash = Mix(hash, BinaryPrimitives.ReadUInt64LittleEndian(tail));
            tail = tail[8..];
        }

        var word = 0UL;
        foreach (var b in tail)
        {
            word = (word << 8) | b;
        }

        return Mix(hash, word);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong hash, ulong word) => BitOperations.RotateLeft(hash ^ word, 27) * 0x94D049BB133111EBUL;

    // One key: its first two words, length and hash, where the rest of a longer key starts in the tails, and its value's
    // number + 1 (0: an empty slot). 32 bytes: two to a cache line.
    private readonly struct Slot(ulong head, ulong next, int length, uint hash, int tailStart, int value)
    {
        public readonly ulong Head = head;
        public readonly ulong Next = next;
        public readonly int Length = length;
        public readonly uint Hash = hash;
        public readonly int TailStart = tailStart;
        public readonly int Value = value;
    }
}
