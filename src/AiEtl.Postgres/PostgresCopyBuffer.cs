using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace AiEtl.Postgres;

/// <summary>
/// The bytes of a binary COPY (PostgreSQL's wire format: big-endian, each value prefixed by its length)
/// gathered in one pooled array and sent to the server in large writes.
/// </summary>
internal sealed class PostgresCopyBuffer : IDisposable
{
    // Invalid UTF-16 (a lone surrogate) is an error, as it is for Npgsql, not a silent U+FFFD.
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(128 * 1024);

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Written => _bytes.AsMemory(0, Length);

    public void Clear() => Length = 0;

    public void WriteInt16(short value) => BinaryPrimitives.WriteInt16BigEndian(Take(2), value);

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32BigEndian(Take(4), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64BigEndian(Take(8), value);

    public void WriteByte(byte value) => Take(1)[0] = value;

    public void WriteBytes(ReadOnlySpan<byte> value) => value.CopyTo(Take(value.Length));

    /// <summary>Overwrites the four bytes at <paramref name="at"/> (a length prefix written before the value's size was known).</summary>
    public void PatchInt32(int at, int value) => BinaryPrimitives.WriteInt32BigEndian(_bytes.AsSpan(at, 4), value);

    /// <summary>Writes the length prefix and the UTF-8 bytes of <paramref name="value"/>, after <paramref name="prefix"/> bytes (jsonb's version).</summary>
    public void WriteText(string value, ReadOnlySpan<byte> prefix)
    {
        var start = Length;
        var room = Take(4 + prefix.Length + Strict.GetMaxByteCount(value.Length));
        prefix.CopyTo(room[4..]);
        var count = Strict.GetBytes(value, room[(4 + prefix.Length)..]);
        BinaryPrimitives.WriteInt32BigEndian(room, prefix.Length + count);
        Length = start + 4 + prefix.Length + count;
    }

    public void Dispose()
    {
        if (_bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = [];
        }
    }

    private Span<byte> Take(int count)
    {
        if (Length + count > _bytes.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, Length + count));
            _bytes.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = larger;
        }

        var span = _bytes.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
