using System.Buffers;

namespace AiEtl.Json;

/// <summary>
/// A batch of JSON values (lines, or elements of an array) found by the reading thread and not yet turned into rows:
/// each value's bytes, copied out of the read buffer, with its line and row number, so that the rows can be built on
/// another thread while the reader goes on.
/// </summary>
internal sealed class JsonRowBuffer
{
    private const int BytesPerRowGuess = 256;
    private byte[] _bytes;
    private int _used;
    private (int Start, int Length, long Line, long Row)[] _entries;

    /// <param name="rowCapacity">Values expected in the batch (it grows past that if needed).</param>
    public JsonRowBuffer(int rowCapacity)
    {
        _bytes = ArrayPool<byte>.Shared.Rent(rowCapacity * BytesPerRowGuess);
        _entries = ArrayPool<(int, int, long, long)>.Shared.Rent(rowCapacity);
    }

    /// <summary>Values in the batch.</summary>
    public int Count { get; private set; }

    /// <summary>The source position after the batch's last value.</summary>
    public SourceState? StateAfter { get; set; }

    /// <summary>Copies one value with its first line in the file and its number in the input.</summary>
    public void Add(ReadOnlySpan<byte> json, long line, long row)
    {
        if (Count == _entries.Length)
        {
            var larger = ArrayPool<(int, int, long, long)>.Shared.Rent(_entries.Length * 2);
            _entries.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<(int, int, long, long)>.Shared.Return(_entries);
            _entries = larger;
        }

        if (_used + json.Length > _bytes.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, _used + json.Length));
            _bytes.AsSpan(0, _used).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = larger;
        }

        json.CopyTo(_bytes.AsSpan(_used));
        _entries[Count++] = (_used, json.Length, line, row);
        _used += json.Length;
    }

    /// <summary>The bytes of value <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> JsonAt(int index) => _bytes.AsSpan(_entries[index].Start, _entries[index].Length);

    /// <summary>Where value <paramref name="index"/> is: its first line and its number in the input.</summary>
    public (long Line, long Row) PositionOf(int index) => (_entries[index].Line, _entries[index].Row);

    /// <summary>Returns the buffers to the pool; the batch must not be used afterwards.</summary>
    public void Release()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        ArrayPool<(int, int, long, long)>.Shared.Return(_entries);
        _bytes = [];
        _entries = [];
        Count = 0;
    }
}
