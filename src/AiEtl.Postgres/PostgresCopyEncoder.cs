using System.Globalization;
using System.Runtime.CompilerServices;
using AiEtl.Internal;
using NpgsqlTypes;

namespace AiEtl.Postgres;

/// <summary>
/// Encodes a binary COPY itself, without Npgsql's importer: the header, a record's fields and the trailer,
/// into a <see cref="PostgresCopyBuffer"/> that is sent through Npgsql's raw COPY stream. For tables whose
/// columns are scalars or one-dimensional arrays of the element types the destination creates, which are all the column
/// types it writes. It writes the bytes Npgsql's importer would (whose per-value type resolution and asynchronous
/// plumbing cost more than the encoding, and whose generic code per value type is compiled and tiered up while the rows
/// wait), including Npgsql's default mapping of the minimum and maximum dates and times to <c>-infinity</c>/<c>infinity</c>.
/// </summary>
internal struct PostgresCopyEncoder : IFieldWriter
{
    private const long TimestampEpochTicks = 630_822_816_000_000_000; // 2000-01-01, PostgreSQL's epoch
    private static readonly int DateEpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly byte[] JsonbVersion = [1];

    private readonly PostgresCopyBuffer _buffer;
    private readonly NpgsqlDbType[] _types;

    public PostgresCopyEncoder(PostgresCopyBuffer buffer, NpgsqlDbType[] types)
    {
        _buffer = buffer;
        _types = types;
    }

    /// <summary>The ordinal of the field being written, so an error can name its column.</summary>
    public int Ordinal { get; private set; }

    /// <summary>Whether every column is a type this writer encodes (every type <see cref="PostgresDialect"/> maps a field to).</summary>
    public static bool Supports(NpgsqlDbType[] types) => types.All(static type => type is NpgsqlDbType.Smallint or NpgsqlDbType.Integer
        or NpgsqlDbType.Bigint or NpgsqlDbType.Real or NpgsqlDbType.Double or NpgsqlDbType.Numeric or NpgsqlDbType.Text
        or NpgsqlDbType.Varchar or NpgsqlDbType.Jsonb or NpgsqlDbType.Json or NpgsqlDbType.Boolean or NpgsqlDbType.Date
        or NpgsqlDbType.Time or NpgsqlDbType.Timestamp or NpgsqlDbType.TimestampTz or NpgsqlDbType.Uuid
        || ((type & NpgsqlDbType.Array) != 0 && ElementOid(type & ~NpgsqlDbType.Array) != 0));

    // The type OIDs of the array elements the destination creates (PostgresDialect's element types); 0 for others.
    private static uint ElementOid(NpgsqlDbType element) => element switch
    {
        NpgsqlDbType.Bigint => 20,
        NpgsqlDbType.Double => 701,
        NpgsqlDbType.Numeric => 1700,
        NpgsqlDbType.Boolean => 16,
        NpgsqlDbType.Date => 1082,
        NpgsqlDbType.Time => 1083,
        NpgsqlDbType.Timestamp => 1114,
        NpgsqlDbType.TimestampTz => 1184,
        NpgsqlDbType.Uuid => 2950,
        NpgsqlDbType.Text => 25,
        _ => 0,
    };

    /// <summary>The COPY header: signature, flags, header extension length.</summary>
    public static void WriteHeader(PostgresCopyBuffer buffer)
    {
        buffer.WriteBytes("PGCOPY\n"u8);
        buffer.WriteBytes([0xff, (byte)'\r', (byte)'\n', 0]);
        buffer.WriteInt32(0);
        buffer.WriteInt32(0);
    }

    /// <summary>The COPY trailer: a field count of -1.</summary>
    public static void WriteTrailer(PostgresCopyBuffer buffer) => buffer.WriteInt16(-1);

    public void WriteNull(int ordinal)
    {
        Ordinal = ordinal;
        _buffer.WriteInt32(-1);
    }

    public void WriteString(int ordinal, string value)
    {
        Ordinal = ordinal;
        _buffer.WriteText(value, _types[ordinal] == NpgsqlDbType.Jsonb ? JsonbVersion : []);
    }

    public void WriteInt16(int ordinal, short value) => WriteInteger(ordinal, value);

    public void WriteInt32(int ordinal, int value) => WriteInteger(ordinal, value);

    public void WriteInt64(int ordinal, long value) => WriteInteger(ordinal, value);

    public void WriteSingle(int ordinal, float value) => WriteDouble(ordinal, value);

    public void WriteDouble(int ordinal, double value)
    {
        Ordinal = ordinal;
        WriteFloat(_types[ordinal], value);
    }

    public void WriteDecimal(int ordinal, decimal value)
    {
        Ordinal = ordinal;
        WriteNumeric(value);
    }

    public void WriteBoolean(int ordinal, bool value)
    {
        Ordinal = ordinal;
        WriteBoolean(value);
    }

    public void WriteDate(int ordinal, DateOnly value)
    {
        Ordinal = ordinal;
        WriteDate(value);
    }

    public void WriteTime(int ordinal, TimeOnly value)
    {
        Ordinal = ordinal;
        WriteTime(value);
    }

    public void WriteDateTime(int ordinal, DateTime value)
    {
        Ordinal = ordinal;
        WriteDateTime(_types[ordinal], value);
    }

    public void WriteDateTimeOffset(int ordinal, DateTimeOffset value)
    {
        Ordinal = ordinal;
        WriteDateTimeOffset(value);
    }

    public void WriteGuid(int ordinal, Guid value)
    {
        Ordinal = ordinal;
        WriteGuid(value);
    }

    private void WriteFloat(NpgsqlDbType type, double value)
    {
        if (type == NpgsqlDbType.Real)
        {
            _buffer.WriteInt32(4);
            _buffer.WriteInt32(BitConverter.SingleToInt32Bits((float)value));
        }
        else
        {
            _buffer.WriteInt32(8);
            _buffer.WriteInt64(BitConverter.DoubleToInt64Bits(value));
        }
    }

    private void WriteBoolean(bool value)
    {
        _buffer.WriteInt32(1);
        _buffer.WriteByte(value ? (byte)1 : (byte)0);
    }

    private void WriteDate(DateOnly value)
    {
        _buffer.WriteInt32(4);
        _buffer.WriteInt32(value == DateOnly.MaxValue ? int.MaxValue : value == DateOnly.MinValue ? int.MinValue : value.DayNumber - DateEpochDay);
    }

    private void WriteTime(TimeOnly value)
    {
        _buffer.WriteInt32(8);
        _buffer.WriteInt64(value.Ticks / 10);
    }

    private void WriteDateTime(NpgsqlDbType type, DateTime value)
    {
        // A timestamp column keeps the wall-clock time; timestamptz stores UTC (an unspecified time is taken as UTC).
        WriteTimestamp(type == NpgsqlDbType.TimestampTz && value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value);
    }

    private void WriteDateTimeOffset(DateTimeOffset value)
    {
        WriteTimestamp(value == DateTimeOffset.MaxValue ? DateTime.MaxValue : value == DateTimeOffset.MinValue ? DateTime.MinValue : value.UtcDateTime);
    }

    private void WriteGuid(Guid value)
    {
        _buffer.WriteInt32(16);
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        _buffer.WriteBytes(bytes);
    }

    public void WriteJson(int ordinal, string json)
    {
        // Set before the JSON is parsed, so that a parse error names this column.
        Ordinal = ordinal;
        if ((_types[ordinal] & NpgsqlDbType.Array) == 0)
        {
            WriteString(ordinal, json);
            return;
        }

        // The dynamic path hands arrays over as JSON text: parse it into the column's element type.
        switch (_types[ordinal] & ~NpgsqlDbType.Array)
        {
            case NpgsqlDbType.Bigint:
                WriteArray<long>(ordinal, JsonArrays.Parse<long>(json));
                break;
            case NpgsqlDbType.Double:
                WriteArray<double>(ordinal, JsonArrays.Parse<double>(json));
                break;
            case NpgsqlDbType.Numeric:
                WriteArray<decimal>(ordinal, JsonArrays.Parse<decimal>(json));
                break;
            case NpgsqlDbType.Boolean:
                WriteArray<bool>(ordinal, JsonArrays.Parse<bool>(json));
                break;
            case NpgsqlDbType.Date:
                WriteArray<DateOnly>(ordinal, JsonArrays.Parse<DateOnly>(json));
                break;
            case NpgsqlDbType.Time:
                WriteArray<TimeOnly>(ordinal, JsonArrays.Parse<TimeOnly>(json));
                break;
            case NpgsqlDbType.Timestamp:
                WriteArray<DateTime>(ordinal, JsonArrays.Parse<DateTime>(json));
                break;
            case NpgsqlDbType.TimestampTz:
                WriteArray<DateTimeOffset>(ordinal, JsonArrays.Parse<DateTimeOffset>(json));
                break;
            case NpgsqlDbType.Uuid:
                WriteArray<Guid>(ordinal, JsonArrays.Parse<Guid>(json));
                break;
            default:
                WriteArray<string>(ordinal, JsonArrays.Parse<string>(json));
                break;
        }
    }

    // A one-dimensional array: its length, the dimension count (0 when empty), whether it holds nulls, the element
    // type, the size and lower bound (1), then each element as a value of its own (length prefix and bytes).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteArray<TElement>(int ordinal, ReadOnlySpan<TElement> values)
    {
        Ordinal = ordinal;
        var element = _types[ordinal] & ~NpgsqlDbType.Array;
        var start = _buffer.Length;
        _buffer.WriteInt32(0);
        _buffer.WriteInt32(values.IsEmpty ? 0 : 1);
        _buffer.WriteInt32(HasNull(values) ? 1 : 0);
        _buffer.WriteInt32((int)ElementOid(element));
        if (!values.IsEmpty)
        {
            _buffer.WriteInt32(values.Length);
            _buffer.WriteInt32(1);
        }

        foreach (var value in values)
        {
            WriteElement(element, value);
        }

        _buffer.PatchInt32(start, _buffer.Length - start - 4);
    }

    public void WriteEnum<TEnum>(int ordinal, TEnum value)
        where TEnum : struct, Enum => WriteString(ordinal, value.ToString());

    private static bool HasNull<TElement>(ReadOnlySpan<TElement> values)
    {
        if (default(TElement) is not null)
        {
            return false;
        }

        foreach (var value in values)
        {
            if (value is null)
            {
                return true;
            }
        }

        return false;
    }

    // One array element, encoded as a scalar of the column's element type (integers widen to bigint, floats to double).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteElement<TElement>(NpgsqlDbType element, TElement value)
    {
        switch (value)
        {
            case null:
                _buffer.WriteInt32(-1);
                break;
            case long number:
                WriteInteger(element, number);
                break;
            case int number:
                WriteInteger(element, number);
                break;
            case short number:
                WriteInteger(element, number);
                break;
            case double number:
                WriteFloat(element, number);
                break;
            case float number:
                WriteFloat(element, number);
                break;
            case decimal number:
                WriteNumeric(number);
                break;
            case bool flag:
                WriteBoolean(flag);
                break;
            case DateOnly date:
                WriteDate(date);
                break;
            case TimeOnly time:
                WriteTime(time);
                break;
            case DateTime time:
                WriteDateTime(element, time);
                break;
            case DateTimeOffset time:
                WriteDateTimeOffset(time);
                break;
            case Guid guid:
                WriteGuid(guid);
                break;
            case string text:
                _buffer.WriteText(text, []);
                break;
            default:
                throw new InvalidCastException($"an array of {typeof(TElement).Name} cannot be written into a PostgreSQL {element} array");
        }
    }

    private void WriteInteger(int ordinal, long value)
    {
        Ordinal = ordinal;
        WriteInteger(_types[ordinal], value);
    }

    private void WriteInteger(NpgsqlDbType type, long value)
    {
        switch (type)
        {
            case NpgsqlDbType.Integer:
                _buffer.WriteInt32(4);
                _buffer.WriteInt32(checked((int)value));
                break;
            case NpgsqlDbType.Smallint:
                _buffer.WriteInt32(2);
                _buffer.WriteInt16(checked((short)value));
                break;
            case NpgsqlDbType.Numeric:
                WriteNumeric(value);
                break;
            default:
                _buffer.WriteInt32(8);
                _buffer.WriteInt64(value);
                break;
        }
    }

    // Npgsql's default: DateTime.MinValue and MaxValue are -infinity and infinity; otherwise microseconds since 2000.
    private void WriteTimestamp(DateTime value)
    {
        _buffer.WriteInt32(8);
        _buffer.WriteInt64(value == DateTime.MaxValue ? long.MaxValue : value == DateTime.MinValue ? long.MinValue : (value.Ticks - TimestampEpochTicks) / 10);
    }

    // numeric: digit count, weight (of the first base-10000 digit), sign, display scale, then base-10000 digits.
    private void WriteNumeric(decimal value)
    {
        Span<char> text = stackalloc char[64];
        value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        text = text[..length];
        var negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? [] : text[(point + 1)..];

        // Digits grouped by four around the decimal point: whole part padded on the left, fraction on the right.
        var wholeGroups = (whole.Length + 3) / 4;
        var fractionGroups = (fraction.Length + 3) / 4;
        Span<short> groups = stackalloc short[wholeGroups + fractionGroups];
        var lead = (wholeGroups * 4) - whole.Length;
        for (var i = 0; i < whole.Length; i++)
        {
            var g = (lead + i) / 4;
            groups[g] = (short)((groups[g] * 10) + (whole[i] - '0'));
        }

        for (var i = 0; i < fraction.Length; i++)
        {
            var g = wholeGroups + (i / 4);
            groups[g] = (short)((groups[g] * 10) + (fraction[i] - '0'));
        }

        for (var i = fraction.Length; i < fractionGroups * 4; i++)
        {
            var g = wholeGroups + (i / 4);
            groups[g] = (short)(groups[g] * 10);
        }

        var weight = wholeGroups - 1;
        var first = 0;
        while (first < groups.Length && groups[first] == 0)
        {
            first++;
            weight--;
        }

        var last = groups.Length;
        while (last > first && groups[last - 1] == 0)
        {
            last--;
        }

        var digits = groups[first..last];
        if (digits.IsEmpty)
        {
            weight = 0;
        }

        _buffer.WriteInt32(8 + (2 * digits.Length));
        _buffer.WriteInt16((short)digits.Length);
        _buffer.WriteInt16((short)weight);
        _buffer.WriteInt16(negative && !digits.IsEmpty ? (short)0x4000 : (short)0);
        _buffer.WriteInt16((short)fraction.Length);
        foreach (var digit in digits)
        {
            _buffer.WriteInt16(digit);
        }
    }
}
