namespace AiEtl;

/// <summary>
/// The kinds of one column's values already classified, so a repeated value (a country, a flag, a date) is looked up
/// rather than parsed again. A column whose values rarely repeat (ids, e-mails) stops looking: a miss in a large table
/// costs more than it saves. Only speed depends on it; a value's kind is the same either way.
/// </summary>
internal sealed class KindCache(ValueKinds kinds)
{
    private const int Capacity = 4096;

    private readonly Dictionary<string, ValueKind> _seen = new(StringComparer.Ordinal);
    private int _lookups;
    private int _hits;
    private bool _gaveUp;

    /// <summary>The kind of a value given as its characters and their UTF-8 bytes.</summary>
    public ValueKind Of(ReadOnlySpan<char> value, ReadOnlySpan<byte> bytes)
    {
        if (_gaveUp)
        {
            return kinds.Classify(value, bytes);
        }

        var seen = _seen.GetAlternateLookup<ReadOnlySpan<char>>();
        _lookups++;
        if (seen.TryGetValue(value, out var known))
        {
            _hits++;
            return known;
        }

        var kind = kinds.Classify(value, bytes);
        if (_seen.Count < Capacity)
        {
            seen[value] = kind;
        }
        else if (_hits < _lookups / 2)
        {
            // Full, and fewer than half the values were seen before: classifying is cheaper than looking.
            _gaveUp = true;
            _seen.Clear();
            _seen.TrimExcess();
        }

        return kind;
    }
}
