using System.Globalization;
using System.Text;
using AiEtl.Internal;
using SQLitePCL;

namespace AiEtl.Sqlite;

/// <summary>
/// Binds a record's fields straight to a prepared SQLite statement by parameter index, in the storage
/// formats of docs/type-mapping.md. It calls SQLite's C API (SQLitePCLRaw, under Microsoft.Data.Sqlite)
/// rather than ADO.NET parameters, which would box every value and look each parameter up by name on
/// every row; text is encoded into a reused UTF-8 buffer and dates are formatted as UTF-8 bytes.
/// </summary>
internal struct SqliteStatementWriter : IFieldWriter
{
    private readonly sqlite3_stmt _statement;
    private byte[] _buffer;

    public SqliteStatementWriter(sqlite3_stmt statement, byte[] buffer)
    {
        _statement = statement;
        _buffer = buffer;
    }

    /// <summary>The first bind that failed (a SQLite result code), or <see cref="raw.SQLITE_OK"/>.</summary>
    public int Failure { get; private set; }

    /// <summary>The ordinal of the field being bound, so an error can name its column.</summary>
    public int Ordinal { get; private set; }

    public void WriteNull(int ordinal) => Check(ordinal, raw.sqlite3_bind_null(_statement, ordinal + 1));

    public void WriteString(int ordinal, string value) => WriteText(ordinal, value);

    public void WriteInt16(int ordinal, short value) => WriteInt64(ordinal, value);

    public void WriteInt32(int ordinal, int value) => WriteInt64(ordinal, value);

    public void WriteInt64(int ordinal, long value) => Check(ordinal, raw.sqlite3_bind_int64(_statement, ordinal + 1, value));

    public void WriteSingle(int ordinal, float value) => WriteDouble(ordinal, value);

    // SQLite turns a bound NaN into NULL; it is kept as the text NaN, which a REAL column stores as text.
    public void WriteDouble(int ordinal, double value) =>
        Check(ordinal, double.IsNaN(value) ? raw.sqlite3_bind_text(_statement, ordinal + 1, "NaN"u8) : raw.sqlite3_bind_double(_statement, ordinal + 1, value));

    // Bound as text: NUMERIC affinity turns it into a number (see docs/type-mapping.md).
    public void WriteDecimal(int ordinal, decimal value) => WriteFormatted(ordinal, value, default);

    public void WriteBoolean(int ordinal, bool value) => WriteInt64(ordinal, value ? 1 : 0);

    public void WriteDate(int ordinal, DateOnly value) => WriteFormatted(ordinal, value, "O");

    public void WriteTime(int ordinal, TimeOnly value)
    {
        Span<byte> text = stackalloc byte[16];
        var length = FormatTime(text, value.Ticks);
        Check(ordinal, raw.sqlite3_bind_text(_statement, ordinal + 1, text[..length]));
    }

    // A UTC time ends in Z; a local or unspecified one has no suffix.
    public void WriteDateTime(int ordinal, DateTime value)
    {
        Span<byte> text = stackalloc byte[32];
        var length = FormatDateTime(text, value);
        if (value.Kind == DateTimeKind.Utc)
        {
            text[length++] = (byte)'Z';
        }

        Check(ordinal, raw.sqlite3_bind_text(_statement, ordinal + 1, text[..length]));
    }

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
        Check(ordinal, raw.sqlite3_bind_text(_statement, ordinal + 1, text[..(length + 5)]));
    }

    public void WriteGuid(int ordinal, Guid value) => WriteFormatted(ordinal, value, "D");

    public void WriteJson(int ordinal, string json) => WriteText(ordinal, json);

    public void WriteArray<TElement>(int ordinal, ReadOnlySpan<TElement> values) => WriteText(ordinal, JsonArrays.Format(values));

    public void WriteEnum<TEnum>(int ordinal, TEnum value)
        where TEnum : struct, Enum => WriteText(ordinal, value.ToString());

    private void WriteText(int ordinal, string value)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (needed > _buffer.Length)
        {
            _buffer = new byte[Math.Max(needed, _buffer.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _buffer);

        // An empty span pins to a null pointer, which SQLite would bind as NULL: bind "" as a string.
        Check(ordinal, length == 0 ? raw.sqlite3_bind_text(_statement, ordinal + 1, "") : raw.sqlite3_bind_text(_statement, ordinal + 1, _buffer.AsSpan(0, length)));
    }

    private void WriteFormatted<TValue>(int ordinal, TValue value, string? format)
        where TValue : IUtf8SpanFormattable
    {
        Span<byte> text = stackalloc byte[64];
        if (!value.TryFormat(text, out var length, format, CultureInfo.InvariantCulture))
        {
            throw new FormatException($"field {ordinal} does not format into 64 bytes");
        }

        Check(ordinal, raw.sqlite3_bind_text(_statement, ordinal + 1, text[..length]));
    }

    // The formats of docs/type-mapping.md, written by hand: .NET's custom date formats cost several times more per row.
    private static int FormatDateTime(Span<byte> text, DateTime value)
    {
        DateOnly.FromDateTime(value).TryFormat(text, out _, "O", CultureInfo.InvariantCulture);
        text[10] = (byte)' ';
        return 11 + FormatTime(text[11..], value.TimeOfDay.Ticks);
    }

    // HH:mm:ss, then the fraction of a second without its trailing zeros (the FFFFFFF of .NET's formats).
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

    private void Check(int ordinal, int result)
    {
        Ordinal = ordinal;
        if (result != raw.SQLITE_OK && Failure == raw.SQLITE_OK)
        {
            Failure = result;
        }
    }
}
