using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using CsvHelper;

namespace AiEtl;

/// <summary>
/// Rows a CSV inference read and has not counted yet: each field's UTF-8 bytes copied out of the reader, with each row's
/// number or byte offset. The reading thread fills one while others count the previous ones (<see cref="Count"/>), so a
/// full scan classifies values on every core; counted in file order and merged, the batches give what counting each row
/// as it was read gives.
/// </summary>
internal sealed class CsvSampleBatch
{
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _used;
    private (int Start, int Length)[] _fields = ArrayPool<(int, int)>.Shared.Rent(1 << 12);
    private int _fieldCount;
    private readonly List<(int FirstField, int Fields, long? Row, long? Offset)> _rows = [];

    public int Rows => _rows.Count;

    /// <summary>Copies the reader's current record; returns its length in bytes as written (without quotes), as its string values count them.</summary>
    // This and the per-field methods below are optimised at once: a full scan calls them per field from its first
    // milliseconds, and default tiering would run them unoptimised for much of a one-shot process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long Add(CsvReader csv, long? row, long? offset)
    {
        _rows.Add((_fieldCount, csv.FieldCount, row, offset));
        long bytes = csv.FieldCount;
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var value = csv.GetSpan(i);
            bytes += Utf8.IsValid(value) ? value.Length : Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(value));
            Append(value);
        }

        return bytes;
    }

    /// <summary>Counts the rows' values into one <see cref="ColumnStats"/> a column (as many as the longest row has fields).</summary>
    /// <param name="kinds">The classifier, used by one thread at a time.</param>
    /// <param name="caches">What each column's values seen count as, kept by the thread from batch to batch (grown as needed).</param>
    /// <param name="nullValues">The source's null values besides the empty field.</param>
    /// <param name="sentinels">Whether sentinel texts are null tokens.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<ColumnStats> Count(ValueKinds kinds, List<CountedValueCache> caches, HashSet<string> nullValues, bool sentinels)
    {
        var columns = new List<ColumnStats>();
        var nulls = new NullValues(nullValues);
        var chars = ArrayPool<char>.Shared.Rent(256);
        try
        {
            var width = 0;
            foreach (var (_, fields, _, _) in _rows)
            {
                width = Math.Max(width, fields);
            }

            while (columns.Count < width)
            {
                columns.Add(new ColumnStats(sentinels));
            }

            while (caches.Count < width)
            {
                caches.Add(new CountedValueCache());
            }

            // A column at a time, its rows in order: a column's counts and cache depend on its own values only, so this
            // counts what a row at a time does, while one column's cache stays in the CPU's cache for the whole batch.
            for (var i = 0; i < width; i++)
            {
                var column = columns[i];
                var cache = caches[i];
                foreach (var (firstField, fields, row, offset) in _rows)
                {
                    if (i >= fields)
                    {
                        continue;
                    }

                    var (start, length) = _fields[firstField + i];
                    if (length == 0)
                    {
                        column.Nulls++;
                        continue;
                    }

                    var bytes = _bytes.AsSpan(start, length);
                    ref readonly var known = ref cache.Find(bytes);
                    if (!Unsafe.IsNullRef(in known))
                    {
                        column.Add(in known, bytes, row, offset);
                        continue;
                    }

                    if (chars.Length < length)
                    {
                        ArrayPool<char>.Shared.Return(chars);
                        chars = ArrayPool<char>.Shared.Rent(length);
                    }

                    var counted = Counted(bytes, chars, kinds, nulls, sentinels);
                    cache.Remember(bytes, counted);
                    column.Add(in counted, bytes, row, offset);
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        return columns;
    }

    // What a field not seen before counts as; chars has room for as many characters as it has bytes.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static CountedValue Counted(ReadOnlySpan<byte> bytes, char[] chars, ValueKinds kinds, NullValues nulls, bool sentinels)
    {
        // Checked and decoded in one pass; a UTF-8 field has at most as many characters as bytes.
        if (Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            // Invalid bytes read as the replacement character, exactly as the reader's strings have them.
            var text = Encoding.UTF8.GetString(bytes);
            return CountedValue.Of(text, Encoding.UTF8.GetBytes(text), kinds, nulls, sentinels);
        }

        return CountedValue.Of(chars.AsSpan(0, written), bytes, kinds, nulls, sentinels);
    }

    /// <summary>Empties the batch for the next rows, keeping its buffers.</summary>
    public void Clear()
    {
        _rows.Clear();
        _used = 0;
        _fieldCount = 0;
    }

    /// <summary>Returns the buffers to the pool; the batch must not be used afterwards.</summary>
    public void Release()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        ArrayPool<(int, int)>.Shared.Return(_fields);
        (_bytes, _fields) = ([], []);
        Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Append(ReadOnlySpan<byte> value)
    {
        if (_used + value.Length > _bytes.Length)
        {
            _bytes = PooledArrays.Grow(_bytes, _used, _used + value.Length);
        }

        if (_fieldCount == _fields.Length)
        {
            _fields = PooledArrays.Grow(_fields, _fieldCount, _fieldCount + 1);
        }

        value.CopyTo(_bytes.AsSpan(_used));
        _fields[_fieldCount++] = (_used, value.Length);
        _used += value.Length;
    }
}
