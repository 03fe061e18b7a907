using System.Buffers;
using System.Runtime.CompilerServices;
using CsvHelper;

namespace AiEtl.Csv;

/// <summary>
/// A batch of CSV records tokenized by the reading thread and not yet turned into rows: the unescaped
/// bytes of each bound field and the raw text of each record (for error reports), copied out of the
/// reader's buffer so that the rows can be built on another thread while the reader goes on. A record
/// that could not be tokenized is kept in its place as an error, so errors are reported in file order.
/// </summary>
internal sealed class CsvRowBuffer
{
    private const int BytesPerRowGuess = 256;
    private readonly int _fieldsPerRow;
    private byte[] _bytes;
    private int _used;
    private Field[] _fields;
    private Entry[] _entries;

    /// <param name="rowCapacity">Records expected in the batch (it grows past that if needed).</param>
    /// <param name="fieldsPerRow">Bound fields per record: the schema's field count.</param>
    public CsvRowBuffer(int rowCapacity, int fieldsPerRow)
    {
        _fieldsPerRow = fieldsPerRow;
        _bytes = ArrayPool<byte>.Shared.Rent(rowCapacity * BytesPerRowGuess);
        _fields = ArrayPool<Field>.Shared.Rent(rowCapacity * fieldsPerRow);
        _entries = ArrayPool<Entry>.Shared.Rent(rowCapacity);
    }

    /// <summary>Records in the batch, errors included.</summary>
    public int Count { get; private set; }

    /// <summary>The source position after the batch's last record.</summary>
    public SourceState? StateAfter { get; set; }

    /// <summary>Copies the reader's current record: its raw text and the unescaped bytes of the bound columns.</summary>
    /// <param name="csv">The reader, on a record with every bound column.</param>
    /// <param name="columns">The CSV column of each schema ordinal.</param>
    /// <param name="nullTokens">The UTF-8 values that mean null besides the empty field (CsvHelper's <c>IsNull</c>, without decoding each field twice).</param>
    /// <param name="line">The record's first line in the file.</param>
    /// <param name="row">The record's number in the input.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddRecord(CsvReader csv, int[] columns, byte[][] nullTokens, long line, long row)
    {
        MakeRoom();
        var raw = csv.RawRecord;
        var rawStart = Append(raw);
        var entry = new Entry(rawStart, raw.Length, line, row, null);
        var fields = _fields.AsSpan(Count * _fieldsPerRow, _fieldsPerRow);
        for (var ordinal = 0; ordinal < fields.Length; ordinal++)
        {
            var value = csv.GetSpan(columns[ordinal]);

            // A field read as it stands in the record (unquoted, untrimmed) is already in the raw copy; only others are copied.
            var start = raw.Overlaps(value, out var offset) ? rawStart + offset : Append(value);
            fields[ordinal] = new Field(start, value.Length, value.IsEmpty || IsNullToken(value, nullTokens));
        }

        _entries[Count++] = entry;
    }

    /// <summary>Keeps a record that could not be read, in its place.</summary>
    public void AddError(RowError error)
    {
        MakeRoom();
        _entries[Count++] = new Entry(0, 0, 0, 0, error);
    }

    /// <summary>The error kept in place of record <paramref name="index"/>, if it could not be read.</summary>
    public RowError? ErrorAt(int index) => _entries[index].Error;

    /// <summary>Record <paramref name="index"/>'s fields, by schema ordinal.</summary>
    public CsvRow RowAt(int index) =>
        new(_bytes, _fields.AsSpan(index * _fieldsPerRow, _fieldsPerRow), _bytes.AsSpan(_entries[index].RawStart, _entries[index].RawLength));

    /// <summary>Where record <paramref name="index"/> is: its first line and its number in the input.</summary>
    public (long Line, long Row) PositionOf(int index) => (_entries[index].Line, _entries[index].Row);

    /// <summary>Returns the buffers to the pool; the batch must not be used afterwards.</summary>
    public void Release()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        ArrayPool<Field>.Shared.Return(_fields);
        ArrayPool<Entry>.Shared.Return(_entries, clearArray: true);
        _bytes = [];
        _fields = [];
        _entries = [];
        Count = 0;
    }

    // Makes room for one more record.
    private void MakeRoom()
    {
        if (Count == _entries.Length)
        {
            _entries = Grow(_entries, Count, clear: true);
        }

        if ((Count + 1) * _fieldsPerRow > _fields.Length)
        {
            _fields = Grow(_fields, Count * _fieldsPerRow, clear: false);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsNullToken(ReadOnlySpan<byte> value, byte[][] nullTokens)
    {
        foreach (var token in nullTokens)
        {
            if (value.SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Append(ReadOnlySpan<byte> value)
    {
        if (_used + value.Length > _bytes.Length)
        {
            _bytes = PooledArrays.Grow(_bytes, _used, _used + value.Length);
        }

        var start = _used;
        value.CopyTo(_bytes.AsSpan(start));
        _used += value.Length;
        return start;
    }

    private static TItem[] Grow<TItem>(TItem[] items, int used, bool clear) => PooledArrays.Grow(items, used, 16, clear);

    /// <summary>A field's unescaped bytes in the buffer, and whether the reader saw it as null.</summary>
    internal readonly record struct Field(int Start, int Length, bool IsNull);

    // A record's raw text in the buffer and its position, or the error that stands in its place.
    private readonly record struct Entry(int RawStart, int RawLength, long Line, long Row, RowError? Error);
}
