using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace AiEtl;

/// <summary>
/// The values of a dynamic <see cref="Record"/> by field name, with a dictionary's behaviour: ordinal keys, null values,
/// <see cref="KeyNotFoundException"/> for a missing key. A row read by a codec keeps its values in one array by the
/// schema's ordinal, with the names shared by every row of the run, so a row costs no hash table of its own; a name
/// outside the schema is kept in a dictionary beside the array.
/// </summary>
public sealed class RecordData : IDictionary<string, object?>, IReadOnlyDictionary<string, object?>
{
    // Marks a slot that holds no entry (removed): null is a value like any other.
    private static readonly object Absent = new();

    private readonly object?[] _values;
    private Dictionary<string, object?>? _others;
    private int _valuesHeld;

    /// <summary>Creates an empty row.</summary>
    public RecordData()
        : this(RecordShape.None, [], others: null)
    {
    }

    // A row that is the caller's dictionary: its comparer, and what is later changed through it, stay the row's.
    internal RecordData(Dictionary<string, object?> entries)
        : this(RecordShape.None, [], entries)
    {
    }

    // A row read by a codec: a value in every slot of the shape.
    internal RecordData(RecordShape shape, object?[] values)
        : this(shape, values, others: null)
    {
    }

    private RecordData(RecordShape shape, object?[] values, Dictionary<string, object?>? others)
    {
        Shape = shape;
        _values = values;
        _valuesHeld = values.Length;
        _others = others;
    }

    internal RecordShape Shape { get; }

    /// <summary>The number of fields the row holds.</summary>
    public int Count => _valuesHeld + (_others?.Count ?? 0);

    /// <summary>The field names, in schema order and then in the order other names were added (a snapshot).</summary>
    public ICollection<string> Keys => this.Select(entry => entry.Key).ToArray();

    /// <summary>The values, in the order of <see cref="Keys"/> (a snapshot).</summary>
    public ICollection<object?> Values => this.Select(entry => entry.Value).ToArray();

    IEnumerable<string> IReadOnlyDictionary<string, object?>.Keys => Keys;

    IEnumerable<object?> IReadOnlyDictionary<string, object?>.Values => Values;

    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    /// <summary>Gets or sets the value of a field; getting a field the row does not hold throws <see cref="KeyNotFoundException"/>.</summary>
    public object? this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The row has no field '{key}'.");
        set
        {
            var slot = Shape.SlotOf(key);
            if (slot < 0)
            {
                (_others ??= new Dictionary<string, object?>(StringComparer.Ordinal))[key] = value;
                return;
            }

            if (ReferenceEquals(_values[slot], Absent))
            {
                _valuesHeld++;
            }

            _values[slot] = value;
        }
    }

    /// <summary>Gets the value of a field, when the row holds it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var slot = Shape.SlotOf(key);
        if (slot >= 0)
        {
            value = _values[slot];
            if (!ReferenceEquals(value, Absent))
            {
                return true;
            }

            value = null;
            return false;
        }

        value = null;
        return _others is not null && _others.TryGetValue(key, out value);
    }

    /// <summary>Whether the row holds a field of this name.</summary>
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <summary>Adds a field; throws <see cref="ArgumentException"/> when the row holds it already.</summary>
    public void Add(string key, object? value)
    {
        if (!TryAdd(key, value))
        {
            throw new ArgumentException($"The row already has a field '{key}'.", nameof(key));
        }
    }

    /// <summary>Adds a field unless the row holds it already.</summary>
    public bool TryAdd(string key, object? value)
    {
        if (ContainsKey(key))
        {
            return false;
        }

        this[key] = value;
        return true;
    }

    /// <summary>Removes a field.</summary>
    public bool Remove(string key) => Remove(key, out _);

    /// <summary>Removes a field, giving its value.</summary>
    public bool Remove(string key, [MaybeNullWhen(false)] out object? value)
    {
        var slot = Shape.SlotOf(key);
        if (slot < 0)
        {
            value = null;
            return _others is not null && _others.Remove(key, out value);
        }

        value = _values[slot];
        if (ReferenceEquals(value, Absent))
        {
            value = null;
            return false;
        }

        _values[slot] = Absent;
        _valuesHeld--;
        return true;
    }

    /// <summary>Removes every field.</summary>
    public void Clear()
    {
        Array.Fill(_values, Absent);
        _valuesHeld = 0;
        _others?.Clear();
    }

    /// <summary>The fields in the order of <see cref="Keys"/>. A field may be set or removed while enumerating.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, object?>> IEnumerable<KeyValuePair<string, object?>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        TryGetValue(item.Key, out var value) && EqualityComparer<object?>.Default.Equals(value, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)this).Contains(item) && Remove(item.Key);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(arrayIndex);
        ArgumentOutOfRangeException.ThrowIfLessThan(array.Length - arrayIndex, Count, nameof(array));
        foreach (var entry in this)
        {
            array[arrayIndex++] = entry;
        }
    }

    // The value of a field whose slot in this row's shape the caller looked up once for many rows (-1: not in it).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal object? GetValueOrDefault(int slot, string name)
    {
        if (slot >= 0)
        {
            var value = _values[slot];
            return ReferenceEquals(value, Absent) ? null : value;
        }

        return _others is not null && _others.TryGetValue(name, out var other) ? other : null;
    }

    /// <summary>Enumerates a row's fields: the schema's in order, then the others.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, object?>>
    {
        private readonly RecordData _data;
        private int _slot;
        private Dictionary<string, object?>.Enumerator _others;
        private bool _inOthers;

        internal Enumerator(RecordData data)
        {
            _data = data;
            _slot = -1;
        }

        /// <inheritdoc />
        public KeyValuePair<string, object?> Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext()
        {
            var values = _data._values;
            while (_slot + 1 < values.Length)
            {
                var value = values[++_slot];
                if (!ReferenceEquals(value, Absent))
                {
                    Current = new KeyValuePair<string, object?>(_data.Shape.Names[_slot], value);
                    return true;
                }
            }

            _slot = values.Length;
            if (!_inOthers)
            {
                if (_data._others is null)
                {
                    return false;
                }

                _others = _data._others.GetEnumerator();
                _inOthers = true;
            }

            if (_others.MoveNext())
            {
                Current = _others.Current;
                return true;
            }

            return false;
        }

        /// <inheritdoc />
        public void Reset()
        {
            _slot = -1;
            _inOthers = false;
            Current = default;
        }

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
