namespace AiEtl;

/// <summary>
/// The kinds of one column's values already classified, so a repeated value (a country, a flag, a date) is looked up
/// rather than parsed again. A column whose values rarely repeat (ids, e-mails) stops looking: a miss in a large table
/// costs more than it saves. Only speed depends on it; a value's kind is the same either way.
/// </summary>
internal sealed class KindCache
{
    private const int Capacity = 4096;

    private readonly Dictionary<string, ValueKind> _seen;
    // Looked up by characters; taken once, since taking it checks the comparer's type each time.
    private readonly Dictionary<string, ValueKind>.AlternateLookup<ReadOnlySpan<char>> _seenByChars;
    private readonly ValueKinds _kinds;
    private int _lookups;
    private int _hits;
    private bool _gaveUp;

    public KindCache(ValueKinds kinds)
    {
        _kinds = kinds;
        _seen = new(StringComparer.Ordinal);
        _seenByChars = _seen.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The kind of a value given as its characters and their UTF-8 bytes.</summary>
    public ValueKind Of(ReadOnlySpan<char> value, ReadOnlySpan<byte> bytes)
    {
        if (_gaveUp)
        {
            return _kinds.Classify(value, bytes);
        }

        _lookups++;
        if (_seenByChars.TryGetValue(value, out var known))
        {
            _hits++;
            return known;
        }

        var kind = _kinds.Classify(value, bytes);
        if (_seen.Count < Capacity)
        {
            _seenByChars[value] = kind;
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
