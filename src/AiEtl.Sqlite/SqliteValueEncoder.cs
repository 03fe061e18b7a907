using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using AiEtl.Internal;

namespace AiEtl.Sqlite;

/// <summary>
/// Formats a record's fields into the values SQLite stores (the storage formats of docs/type-mapping.md), one tagged
/// value per field: <see cref="Null"/>, <see cref="Integer"/> and <see cref="Real"/> with 8 bytes, <see cref="Text"/>
/// with a 4-byte length and its UTF-8 bytes. The destination formats batches this way on the thread pool, ahead of
/// loading, so the load thread only binds the values (<see cref="SqliteValueBinder"/>) and steps the statement: text
/// encoding and date, decimal and JSON formatting are most of a row's cost and are not bound to the one writer.
/// </summary>
internal readonly struct SqliteValueEncoder(IBufferWriter<byte> output) : IFieldWriter
{
    public const byte Null = 0;
    public const byte Integer = 1;
    public const byte Real = 2;
    public const byte Text = 3;

    public void WriteNull(int ordinal)
    {
        output.GetSpan(1)[0] = Null;
        output.Advance(1);
    }

    public void WriteString(int ordinal, string value) => WriteText(value);

    public void WriteInt16(int ordinal, short value) => WriteInt64(ordinal, value);

    public void WriteInt32(int ordinal, int value) => WriteInt64(ordinal, value);

    public void WriteInt64(int ordinal, long value) => Write(Integer, value);

    public void WriteSingle(int ordinal, float value) => WriteDouble(ordinal, value);

    // SQLite turns a bound NaN into NULL; it is kept as the text NaN, which a REAL column stores as text.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteDouble(int ordinal, double value)
    {
        if (double.IsNaN(value))
        {
            WriteUtf8("NaN"u8);
            return;
        }

        Write(Real, BitConverter.DoubleToInt64Bits(value));
    }

    // Bound as text: NUMERIC affinity turns it into a number (see docs/type-mapping.md).
    public void WriteDecimal(int ordinal, decimal value) => WriteFormatted(value, default);

    public void WriteBoolean(int ordinal, bool value) => WriteInt64(ordinal, value ? 1 : 0);

    public void WriteDate(int ordinal, DateOnly value) => WriteFormatted(value, "O");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteTime(int ordinal, TimeOnly value)
    {
        Span<byte> text = stackalloc byte[16];
        WriteUtf8(text[..FormatTime(text, value.Ticks)]);
    }

    // A UTC time ends in Z; a local or unspecified one has no suffix.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteDateTime(int ordinal, DateTime value)
    {
        Span<byte> text = stackalloc byte[32];
        var length = FormatDateTime(text, value);
        if (value.Kind == DateTimeKind.Utc)
        {
            text[length++] = (byte)'Z';
        }

        WriteUtf8(text[..length]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteDateTimeOffset(int ordinal, DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[40];
        var length = FormatDateTime(text, value.DateTime);
        var offset = (int)value.Offset.TotalMinutes;
        text[length++] = offset < 0 ? (byte)'-' : (byte)'+';
        offset = Math.Abs(offset);
        TwoDigits(text, length, offset / 60);
        text[length + 2] = (byte)':';
        TwoDigits(text, length + 3, offset % 60);
        WriteUtf8(text[..(length + 5)]);
    }

    public void WriteGuid(int ordinal, Guid value) => WriteFormatted(value, "D");

    public void WriteJson(int ordinal, string json) => WriteText(json);

    // Formatted in UTF-8 into the thread's buffer and copied: a writer, a stream and a string per row were half of a
    // load's allocations.
    public void WriteArray<TElement>(int ordinal, ReadOnlySpan<TElement> values) => WriteUtf8(JsonArrays.FormatUtf8(values));

    public void WriteEnum<TEnum>(int ordinal, TEnum value)
        where TEnum : struct, Enum => WriteText(value.ToString());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Write(byte tag, long bits)
    {
        var span = output.GetSpan(9);
        span[0] = tag;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], bits);
        output.Advance(9);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteText(string value)
    {
        var span = output.GetSpan(5 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, span[5..]);
        span[0] = Text;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], length);
        output.Advance(5 + length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteUtf8(ReadOnlySpan<byte> text)
    {
        var span = output.GetSpan(5 + text.Length);
        span[0] = Text;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], text.Length);
        text.CopyTo(span[5..]);
        output.Advance(5 + text.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteFormatted<TValue>(TValue value, string? format)
        where TValue : IUtf8SpanFormattable
    {
        var span = output.GetSpan(5 + 64);
        if (!value.TryFormat(span[5..], out var length, format, CultureInfo.InvariantCulture))
        {
            throw new FormatException($"a {typeof(TValue).Name} does not format into 64 bytes");
        }

        span[0] = Text;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], length);
        output.Advance(5 + length);
    }

    // The formats of docs/type-mapping.md, written by hand: .NET's custom date formats cost several times more per row.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FormatDateTime(Span<byte> text, DateTime value)
    {
        DateOnly.FromDateTime(value).TryFormat(text, out _, "O", CultureInfo.InvariantCulture);
        text[10] = (byte)' ';
        return 11 + FormatTime(text[11..], value.TimeOfDay.Ticks);
    }

    // HH:mm:ss, then the fraction of a second without its trailing zeros (the FFFFFFF of .NET's formats).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FormatTime(Span<byte> text, long ticks)
    {
        var seconds = ticks / TimeSpan.TicksPerSecond;
        TwoDigits(text, 0, (int)(seconds / 3600));
        text[2] = (byte)':';
        TwoDigits(text, 3, (int)(seconds / 60 % 60));
        text[5] = (byte)':';
        TwoDigits(text, 6, (int)(seconds % 60));
        var fraction = (int)(ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
        {
            return 8;
        }

        text[8] = (byte)'.';
        for (var i = 15; i >= 9; i--)
        {
            text[i] = (byte)('0' + (fraction % 10));
            fraction /= 10;
        }

        var end = 16;
        while (text[end - 1] == (byte)'0')
        {
            end--;
        }

        return end;
    }

    private static void TwoDigits(Span<byte> text, int at, int value)
    {
        text[at] = (byte)('0' + (value / 10));
        text[at + 1] = (byte)('0' + (value % 10));
    }
}
