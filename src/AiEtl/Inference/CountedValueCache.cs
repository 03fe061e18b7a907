using System.Runtime.CompilerServices;

namespace AiEtl;

/// <summary>
/// What one column's values already seen count as, keyed on their UTF-8 bytes, so a repeated value (a country, a flag, a
/// date) is neither decoded nor classified again. A column whose values rarely repeat (ids, e-mails) stops looking: a
/// miss costs more than it saves. Only speed depends on it: a value counts the same either way.
/// </summary>
internal sealed class CountedValueCache
{
    private const int Capacity = 4096;

    // Bytes of long keys kept beyond their sixteenth: a column of long texts would hold memory for values that seldom repeat.
    private const int MaxTailBytes = 256 * 1024;

    private Utf8KeyedTable<CountedValue>? _seen = new(Capacity, MaxTailBytes, CountedValue.Identical);
    private int _lookups;
    private int _hits;

    /// <summary>What the field of these bytes counts as, when it was seen before; a null reference otherwise (and after giving up).</summary>
    public ref readonly CountedValue Find(ReadOnlySpan<byte> bytes)
    {
        if (_seen is null)
        {
            return ref Unsafe.NullRef<CountedValue>();
        }

        _lookups++;
        ref readonly var known = ref _seen.Find(bytes);
        if (!Unsafe.IsNullRef(in known))
        {
            _hits++;
        }

        return ref known;
    }

    /// <summary>Remembers what a field just missed by <see cref="Find"/> counts as.</summary>
    public void Remember(ReadOnlySpan<byte> bytes, in CountedValue counted)
    {
        // Full, and fewer than half the values were seen before: classifying is cheaper than looking. (A value whose probes
        // run too long is only not kept: giving up on it early, before a column's values have had time to repeat, would
        // give up on columns that do repeat.)
        if (_seen is not null && !_seen.TryAdd(bytes, counted) && _seen.IsFullFor(bytes) && _hits < _lookups / 2)
        {
            _seen = null;
        }
    }
}
