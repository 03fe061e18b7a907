using System.Buffers;
using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace AiEtl.Json;

/// <summary>
/// Writes rows as compact JSON objects straight into the output buffer: byte for byte what
/// <see cref="JsonFieldWriter"/> writes through a <see cref="Utf8JsonWriter"/> with relaxed escaping, without
/// the writer's per-token bookkeeping and its flush after every row. Property names come encoded once per
/// destination with their comma, quotes and colon (<c>,"id":</c>); each value is formatted in place after
/// one check that the buffer has room for its longest form. Text is escaped by the writer's encoder
/// (<see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>), whose decisions are asked once and kept.
/// </summary>
internal ref struct CompactJsonFieldWriter : IFieldWriter
{
    // Utf8JsonWriter refuses longer strings (its MaxCharacterTokenSize) and longer raw JSON; the same limits
    // keep the same failures and keep the size arithmetic below from overflowing.
    private const int MaxStringLength = 166_666_666;
    private const int MaxRawJsonLength = int.MaxValue / 3;

    // The longest escape of one UTF-16 character: \uXXXX.
    private const int MaxEscapedCharLength = 6;

    // The longest UTF-8 text of a number: "-1.7976931348623157E+308", a 30-digit decimal with sign and point.
    private const int MaxNumberLength = 32;

    // Quotes around the longest date and time text.
    private const int MaxDateTimeLength = IsoText.MaxLength + 2;

    private const int MaxGuidLength = 38;
    private const int MinimumSpan = 512;
    private const int StackEscapeLength = 256;

    // Text up to this many characters is transcoded and checked by TranscodeShort, longer text by the library.
    private const int ShortString = 32;

    private const string InvalidUtf16 = "Cannot transcode invalid UTF-16 string to UTF-8 JSON text.";

    private static readonly ulong[] AllowedChars = BuildAllowedChars();
    private static readonly bool PlainAsciiIsAllowed = AllowsPlainAscii(AllowedChars);

    private readonly IBufferWriter<byte> _output;
    private readonly byte[][] _names;
    private Span<byte> _buffer;
    private int _length;

    // 1 while the object has no property yet: the first name is written without its comma.
    private int _skipComma;

    /// <summary>Creates a writer of rows into <paramref name="output"/>, naming properties with <paramref name="names"/> (from <see cref="EncodeNames"/>).</summary>
    public CompactJsonFieldWriter(IBufferWriter<byte> output, byte[][] names)
    {
        _output = output;
        _names = names;
    }

    /// <summary>The property names as written before a value: <c>,"name":</c>, escaped as <see cref="JsonEncodedText"/> escapes them.</summary>
    public static byte[][] EncodeNames(IReadOnlyList<JsonEncodedText> names)
    {
        var encoded = new byte[names.Count][];
        for (var i = 0; i < encoded.Length; i++)
        {
            var name = names[i].EncodedUtf8Bytes;
            var bytes = new byte[name.Length + 4];
            bytes[0] = (byte)',';
            bytes[1] = (byte)'"';
            name.CopyTo(bytes.AsSpan(2));
            bytes[^2] = (byte)'"';
            bytes[^1] = (byte)':';
            encoded[i] = bytes;
        }

        return encoded;
    }

    /// <summary>Starts a row: <paramref name="separator"/> (what goes between rows, if anything) and the opening brace.</summary>
    public void WriteStartObject(ReadOnlySpan<byte> separator)
    {
        var span = Reserve(separator.Length + 1);
        separator.CopyTo(span);
        span[separator.Length] = (byte)'{';
        _length += separator.Length + 1;
        _skipComma = 1;
    }

    /// <summary>Ends a row with the closing brace and <paramref name="terminator"/> (what ends each row, if anything).</summary>
    public void WriteEndObject(ReadOnlySpan<byte> terminator)
    {
        var span = Reserve(terminator.Length + 1);
        span[0] = (byte)'}';
        terminator.CopyTo(span[1..]);
        _length += terminator.Length + 1;
    }

    /// <summary>
    /// Advances the output over what was written since the last flush (whole rows after <see cref="WriteEndObject"/>).
    /// Bytes reach the output when the buffer fills and at this flush, not row by row, so a write that fails
    /// half-way may leave part of its rows there; the destination's rollback discards them.
    /// </summary>
    public void Flush()
    {
        _output.Advance(_length);
        _buffer = default;
        _length = 0;
    }

    public void WriteNull(int ordinal) => WriteLiteral(ordinal, "null"u8);

    public void WriteString(int ordinal, string value)
    {
        if (value is null)
        {
            // As Utf8JsonWriter.WriteString does with a null string.
            WriteNull(ordinal);
            return;
        }

        CheckStringLength(value.Length);
        StartProperty(ordinal, 2 + (value.Length * 3));
        WriteStringValue(value);
    }

    public void WriteInt16(int ordinal, short value)
    {
        var span = StartProperty(ordinal, MaxNumberLength);
        Utf8Formatter.TryFormat(value, span, out var written);
        _length += written;
    }

    public void WriteInt32(int ordinal, int value)
    {
        var span = StartProperty(ordinal, MaxNumberLength);
        Utf8Formatter.TryFormat(value, span, out var written);
        _length += written;
    }

    public void WriteInt64(int ordinal, long value)
    {
        var span = StartProperty(ordinal, MaxNumberLength);
        Utf8Formatter.TryFormat(value, span, out var written);
        _length += written;
    }

    public void WriteSingle(int ordinal, float value)
    {
        if (!float.IsFinite(value))
        {
            WriteLiteral(ordinal, NonFinite(value));
            return;
        }

        // Utf8Formatter is what Utf8JsonWriter formats numbers with: the shortest text that reads back the same.
        var span = StartProperty(ordinal, MaxNumberLength);
        Utf8Formatter.TryFormat(value, span, out var written);
        _length += written;
    }

    public void WriteDouble(int ordinal, double value)
    {
        if (!double.IsFinite(value))
        {
            WriteLiteral(ordinal, NonFinite(value));
            return;
        }

        var span = StartProperty(ordinal, MaxNumberLength);
        Utf8Formatter.TryFormat(value, span, out var written);
        _length += written;
    }

    public void WriteDecimal(int ordinal, decimal value)
    {
        var span = StartProperty(ordinal, MaxNumberLength);
        _length += FormatDecimal(value, span);
    }

    public void WriteBoolean(int ordinal, bool value) => WriteLiteral(ordinal, value ? "true"u8 : "false"u8);

    public void WriteDate(int ordinal, DateOnly value)
    {
        StartProperty(ordinal, MaxDateTimeLength);
        WriteDateValue(value);
    }

    public void WriteTime(int ordinal, TimeOnly value)
    {
        StartProperty(ordinal, MaxDateTimeLength);
        WriteTimeValue(value);
    }

    public void WriteDateTime(int ordinal, DateTime value)
    {
        StartProperty(ordinal, MaxDateTimeLength);
        WriteDateTimeValue(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value);
    }

    public void WriteDateTimeOffset(int ordinal, DateTimeOffset value)
    {
        StartProperty(ordinal, MaxDateTimeLength);
        WriteDateTimeOffsetValue(value);
    }

    public void WriteGuid(int ordinal, Guid value)
    {
        StartProperty(ordinal, MaxGuidLength);
        WriteGuidValue(value);
    }

    public void WriteJson(int ordinal, string json)
    {
        // Utf8JsonWriter.WriteRawValue's rules: UTF-16 that transcodes, at least one token, exactly one
        // complete JSON value (checked by reading it through); the text itself is copied unchanged.
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxRawJsonLength)
        {
            throw new ArgumentException($"The JSON value of length {json.Length} is too large and not supported.", nameof(json));
        }

        var span = StartProperty(ordinal, json.Length * 3);
        if (Utf8.FromUtf16(json, span, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            throw new ArgumentException(InvalidUtf16, nameof(json));
        }

        if (written == 0)
        {
            throw new ArgumentException("Expected at least one JSON token.", nameof(json));
        }

        var reader = new Utf8JsonReader(span[..written]);
        while (reader.Read())
        {
        }

        _length += written;
    }

    public void WriteArray<TElement>(int ordinal, ReadOnlySpan<TElement> values)
    {
        var span = StartProperty(ordinal, 1);
        span[0] = (byte)'[';
        _length++;
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                Reserve(1)[0] = (byte)',';
                _length++;
            }

            WriteElement(values[i]);
        }

        Reserve(1)[0] = (byte)']';
        _length++;
    }

    public void WriteEnum<TEnum>(int ordinal, TEnum value)
        where TEnum : struct, Enum
    {
        // The member's name (or names, for flags), as ToString gives it, without allocating that string.
        Span<char> name = stackalloc char[128];
        if (!Enum.TryFormat(value, name, out var length))
        {
            WriteString(ordinal, value.ToString());
            return;
        }

        StartProperty(ordinal, 2 + (length * 3));
        WriteStringValue(name[..length]);
    }

    // An array element, formatted as JsonArrays.Write formats it (see there for the element types).
    private void WriteElement<TElement>(TElement value)
    {
        if (typeof(TElement) == typeof(string))
        {
            var text = (string?)(object?)value;
            if (text is null)
            {
                WriteValueLiteral("null"u8);
            }
            else
            {
                CheckStringLength(text.Length);
                Reserve(2 + (text.Length * 3));
                WriteStringValue(text);
            }
        }
        else if (typeof(TElement) == typeof(int))
        {
            Utf8Formatter.TryFormat((int)(object)value!, Reserve(MaxNumberLength), out var written);
            _length += written;
        }
        else if (typeof(TElement) == typeof(long))
        {
            Utf8Formatter.TryFormat((long)(object)value!, Reserve(MaxNumberLength), out var written);
            _length += written;
        }
        else if (typeof(TElement) == typeof(short))
        {
            Utf8Formatter.TryFormat((short)(object)value!, Reserve(MaxNumberLength), out var written);
            _length += written;
        }
        else if (typeof(TElement) == typeof(double))
        {
            WriteDoubleElement((double)(object)value!);
        }
        else if (typeof(TElement) == typeof(float))
        {
            // JsonArrays widens float elements to double before writing them, so they print as doubles.
            WriteDoubleElement((float)(object)value!);
        }
        else if (typeof(TElement) == typeof(decimal))
        {
            var span = Reserve(MaxNumberLength);
            _length += FormatDecimal((decimal)(object)value!, span);
        }
        else if (typeof(TElement) == typeof(bool))
        {
            WriteValueLiteral((bool)(object)value! ? "true"u8 : "false"u8);
        }
        else if (typeof(TElement) == typeof(DateOnly))
        {
            Reserve(MaxDateTimeLength);
            WriteDateValue((DateOnly)(object)value!);
        }
        else if (typeof(TElement) == typeof(TimeOnly))
        {
            Reserve(MaxDateTimeLength);
            WriteTimeValue((TimeOnly)(object)value!);
        }
        else if (typeof(TElement) == typeof(DateTime))
        {
            // Unlike a DateTime field, an element keeps its kind: a local time is written with the local offset.
            Reserve(MaxDateTimeLength);
            WriteDateTimeValue((DateTime)(object)value!);
        }
        else if (typeof(TElement) == typeof(DateTimeOffset))
        {
            Reserve(MaxDateTimeLength);
            WriteDateTimeOffsetValue((DateTimeOffset)(object)value!);
        }
        else if (typeof(TElement) == typeof(Guid))
        {
            Reserve(MaxGuidLength);
            WriteGuidValue((Guid)(object)value!);
        }
        else
        {
            throw new NotSupportedException($"{typeof(TElement)} cannot be an array element");
        }
    }

    private void WriteDoubleElement(double value)
    {
        if (!double.IsFinite(value))
        {
            WriteValueLiteral(NonFinite(value));
            return;
        }

        Utf8Formatter.TryFormat(value, Reserve(MaxNumberLength), out var written);
        _length += written;
    }

    // The values below write at _length; their caller has reserved room for their longest form.
    private void WriteStringValue(scoped ReadOnlySpan<char> value)
    {
        var span = _buffer[_length..];
        span[0] = (byte)'"';
        var written = value.Length <= ShortString
            ? TranscodeShort(value, span[1..])
            : TranscodeLong(value, span[1..]);
        if (written >= 0)
        {
            // The common case: nothing to escape, the transcoded text is the value.
            span[written + 1] = (byte)'"';
            _length += written + 2;
            return;
        }

        _length++;
        WriteEscapedString(value);
    }

    // Short text (most fields: names, codes, tags) without the library calls, which cost more to set up than
    // they save on a few characters: eight characters at a time while they are plain ASCII, then one at a time
    // against the encoder's decisions kept in a bitmap. Returns the UTF-8 length, or -1 when a character needs
    // escaping or is a surrogate (left to the exact path).
    private static int TranscodeShort(scoped ReadOnlySpan<char> value, Span<byte> output)
    {
        var length = 0;
        if (PlainAsciiIsAllowed && Vector128.IsHardwareAccelerated)
        {
            var chars = MemoryMarshal.Cast<char, ushort>(value);
            while (length + 8 <= chars.Length)
            {
                var block = Vector128.Create(chars.Slice(length, 8));
                var special = Vector128.LessThan(block, Vector128.Create((ushort)0x20))
                    | Vector128.GreaterThan(block, Vector128.Create((ushort)0x7E))
                    | Vector128.Equals(block, Vector128.Create((ushort)'"'))
                    | Vector128.Equals(block, Vector128.Create((ushort)'\\'));
                if (special != Vector128<ushort>.Zero)
                {
                    break;
                }

                // Each character is its low byte.
                Vector128.Narrow(block, block).GetLower().CopyTo(output[length..]);
                length += 8;
            }
        }

        var allowed = AllowedChars;
        foreach (var c in value[length..])
        {
            if ((allowed[c >> 6] & (1UL << c)) == 0)
            {
                return -1;
            }

            if (c < 0x80)
            {
                output[length++] = (byte)c;
            }
            else if (c < 0x800)
            {
                output[length] = (byte)(0xC0 | (c >> 6));
                output[length + 1] = (byte)(0x80 | (c & 0x3F));
                length += 2;
            }
            else
            {
                output[length] = (byte)(0xE0 | (c >> 12));
                output[length + 1] = (byte)(0x80 | ((c >> 6) & 0x3F));
                output[length + 2] = (byte)(0x80 | (c & 0x3F));
                length += 3;
            }
        }

        return length;
    }

    // Longer text: vectorised UTF-16 to UTF-8, then the encoder's own (vectorised) search for a byte to escape.
    private static int TranscodeLong(scoped ReadOnlySpan<char> value, Span<byte> output)
    {
        var status = Utf8.FromUtf16(value, output, out _, out var written, replaceInvalidSequences: false);
        return status == OperationStatus.Done && JavaScriptEncoder.UnsafeRelaxedJsonEscaping.FindFirstCharacterToEncodeUtf8(output[..written]) < 0
            ? written
            : -1;
    }

    // Whether the encoder lets through every printable ASCII character other than " and \ (it does; checked once
    // rather than assumed, because the block loop above copies them without asking).
    private static bool AllowsPlainAscii(ulong[] allowed)
    {
        for (var c = 0x20; c <= 0x7E; c++)
        {
            if (c is not '"' and not '\\' && (allowed[c >> 6] & (1UL << c)) == 0)
            {
                return false;
            }
        }

        return true;
    }

    // The encoder decides per code point (from a bitmap of the Basic Multilingual Plane; every character beyond it
    // is escaped), so asking it once for each BMP character gives the same answers for all text. Surrogates stay
    // out: a pair is always escaped, a lone one is invalid.
    private static ulong[] BuildAllowedChars()
    {
        var allowed = new ulong[65536 / 64];
        Span<byte> utf8 = stackalloc byte[3];
        for (var c = 0; c < 65536; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var length = new Rune(c).EncodeToUtf8(utf8);
            if (JavaScriptEncoder.UnsafeRelaxedJsonEscaping.FindFirstCharacterToEncodeUtf8(utf8[..length]) < 0)
            {
                allowed[c >> 6] |= 1UL << c;
            }
        }

        return allowed;
    }

    // What Utf8JsonWriter does with text to escape: the text through the encoder (which copies the characters it
    // allows, escapes the others and turns invalid UTF-16 into an escaped U+FFFD), then UTF-8.
    private void WriteEscapedString(scoped ReadOnlySpan<char> value)
    {
        var maxLength = value.Length * MaxEscapedCharLength;
        char[]? rented = null;
        var escaped = maxLength <= StackEscapeLength
            ? stackalloc char[StackEscapeLength]
            : (rented = ArrayPool<char>.Shared.Rent(maxLength));
        try
        {
            var status = JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(value, escaped, out _, out var escapedLength, isFinalBlock: true);
            if (status != OperationStatus.Done)
            {
                throw new ArgumentException(InvalidUtf16, nameof(value));
            }

            var text = escaped[..escapedLength];
            var span = Reserve((text.Length * 3) + 1);
            if (Utf8.FromUtf16(text, span, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                throw new ArgumentException(InvalidUtf16, nameof(value));
            }

            span[written] = (byte)'"';
            _length += written + 1;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private void WriteDateValue(DateOnly value)
    {
        var span = _buffer[_length..];
        span[0] = (byte)'"';
        value.Deconstruct(out var year, out var month, out var day);
        var length = 1 + WriteIsoDate(span[1..], year, month, day);
        span[length] = (byte)'"';
        _length += length + 1;
    }

    private void WriteTimeValue(TimeOnly value)
    {
        var span = _buffer[_length..];
        span[0] = (byte)'"';
        var length = 1 + WriteIsoTime(span[1..], value.Ticks);
        span[length] = (byte)'"';
        _length += length + 1;
    }

    // Utf8JsonWriter writes the round-trip ("O") format without trailing zeros in the fraction of a second:
    // yyyy-MM-ddTHH:mm:ss[.fffffff], then Z for UTC, the local offset for a local time, nothing for an unspecified kind.
    private void WriteDateTimeValue(DateTime value)
    {
        var span = _buffer[_length..];
        span[0] = (byte)'"';
        var length = 1 + WriteIsoDateTime(span[1..], value.Ticks);
        if (value.Kind == DateTimeKind.Utc)
        {
            span[length++] = (byte)'Z';
        }
        else if (value.Kind == DateTimeKind.Local)
        {
            length += WriteIsoOffset(span[length..], TimeZoneInfo.Local.GetUtcOffset(value));
        }

        span[length] = (byte)'"';
        _length += length + 1;
    }

    private void WriteDateTimeOffsetValue(DateTimeOffset value)
    {
        var span = _buffer[_length..];
        span[0] = (byte)'"';
        var length = 1 + WriteIsoDateTime(span[1..], value.Ticks);
        length += WriteIsoOffset(span[length..], value.Offset);
        span[length] = (byte)'"';
        _length += length + 1;
    }

    private void WriteGuidValue(Guid value)
    {
        var span = _buffer[_length..];
        span[0] = (byte)'"';
        Utf8Formatter.TryFormat(value, span[1..], out var written);
        span[written + 1] = (byte)'"';
        _length += written + 2;
    }

    // IsoText's text (yyyy-MM-dd), with the date taken apart once rather than once for each of its three parts.
    private static int WriteIsoDate(Span<byte> output, int year, int month, int day)
    {
        output[0] = (byte)('0' + (year / 1000));
        output[1] = (byte)('0' + (year / 100 % 10));
        output[2] = (byte)('0' + (year / 10 % 10));
        output[3] = (byte)('0' + (year % 10));
        output[4] = (byte)'-';
        WriteTwoDigits(output[5..], month);
        output[7] = (byte)'-';
        WriteTwoDigits(output[8..], day);
        return 10;
    }

    // yyyy-MM-ddTHH:mm:ss[.fffffff] of a clock time given in ticks, as IsoText.WriteDateTime writes it.
    private static int WriteIsoDateTime(Span<byte> output, long ticks)
    {
        DateOnly.FromDayNumber((int)(ticks / TimeSpan.TicksPerDay)).Deconstruct(out var year, out var month, out var day);
        WriteIsoDate(output, year, month, day);
        output[10] = (byte)'T';
        return 11 + WriteIsoTime(output[11..], ticks % TimeSpan.TicksPerDay);
    }

    // HH:mm:ss[.fffffff], the fraction without trailing zeros, as IsoText.WriteTime writes it (in integers of a day).
    private static int WriteIsoTime(Span<byte> output, long ticksOfDay)
    {
        var seconds = (int)(ticksOfDay / TimeSpan.TicksPerSecond);
        var fraction = (int)(ticksOfDay % TimeSpan.TicksPerSecond);
        WriteTwoDigits(output, seconds / 3600);
        output[2] = (byte)':';
        WriteTwoDigits(output[3..], seconds / 60 % 60);
        output[5] = (byte)':';
        WriteTwoDigits(output[6..], seconds % 60);
        if (fraction == 0)
        {
            return 8;
        }

        output[8] = (byte)'.';
        var digits = 7;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        for (var i = 8 + digits; i > 8; i--)
        {
            output[i] = (byte)('0' + (fraction % 10));
            fraction /= 10;
        }

        return 9 + digits;
    }

    // +hh:mm or -hh:mm, whole minutes toward zero, as IsoText.WriteOffset writes it.
    private static int WriteIsoOffset(Span<byte> output, TimeSpan offset)
    {
        var minutes = (int)Math.Abs(offset.Ticks / TimeSpan.TicksPerMinute);
        output[0] = offset.Ticks < 0 ? (byte)'-' : (byte)'+';
        WriteTwoDigits(output[1..], minutes / 60);
        output[3] = (byte)':';
        WriteTwoDigits(output[4..], minutes % 60);
        return 6;
    }

    private static void WriteTwoDigits(Span<byte> output, int value)
    {
        output[1] = (byte)('0' + (value % 10));
        output[0] = (byte)('0' + (value / 10));
    }

    // Decimal's general format: every digit of the unscaled integer, the point where the scale puts it, never an
    // exponent (1.50 stays 1.50). Utf8Formatter builds that through a digit buffer; a value whose unscaled integer
    // fits 64 bits (the usual amount of money) is written here from that integer, faster. Zero keeps the library
    // path for its sign.
    private static int FormatDecimal(decimal value, Span<byte> output)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[2] != 0 || (bits[0] | bits[1]) == 0)
        {
            Utf8Formatter.TryFormat(value, output, out var formatted);
            return formatted;
        }

        var unscaled = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        var scale = (bits[3] >> 16) & 0xFF;
        var length = 0;
        if (bits[3] < 0)
        {
            output[length++] = (byte)'-';
        }

        var digits = output[length..];
        Utf8Formatter.TryFormat(unscaled, digits, out var count);
        if (scale == 0)
        {
            return length + count;
        }

        if (count > scale)
        {
            var whole = count - scale;
            digits.Slice(whole, scale).CopyTo(digits[(whole + 1)..]);
            digits[whole] = (byte)'.';
            return length + count + 1;
        }

        // Below one: 0.00ddd.
        var zeros = scale - count;
        digits[..count].CopyTo(digits[(2 + zeros)..]);
        digits[0] = (byte)'0';
        digits[1] = (byte)'.';
        digits.Slice(2, zeros).Fill((byte)'0');
        return length + 2 + zeros + count;
    }

    private void WriteLiteral(int ordinal, ReadOnlySpan<byte> literal)
    {
        literal.CopyTo(StartProperty(ordinal, literal.Length));
        _length += literal.Length;
    }

    private void WriteValueLiteral(ReadOnlySpan<byte> literal)
    {
        literal.CopyTo(Reserve(literal.Length));
        _length += literal.Length;
    }

    // JSON has no NaN or infinities: they go as the strings the JSON source reads back.
    private static ReadOnlySpan<byte> NonFinite(double value) =>
        double.IsNaN(value) ? "\"NaN\""u8 : value > 0 ? "\"Infinity\""u8 : "\"-Infinity\""u8;

    private static void CheckStringLength(int length)
    {
        if (length > MaxStringLength)
        {
            throw new ArgumentException($"The JSON value of length {length} is too large and not supported.");
        }
    }

    // Writes the property's name (after a comma unless it is the object's first) and returns the room for its value.
    private Span<byte> StartProperty(int ordinal, int maxValueLength)
    {
        var name = _names[ordinal].AsSpan(_skipComma);
        _skipComma = 0;
        var span = Reserve(name.Length + maxValueLength);
        name.CopyTo(span);
        _length += name.Length;
        return span[name.Length..];
    }

    // The free part of the buffer, at least size bytes long.
    private Span<byte> Reserve(int size)
    {
        if (_buffer.Length - _length < size)
        {
            // What is written so far is handed over first: a larger buffer keeps only advanced bytes.
            _output.Advance(_length);
            _length = 0;
            _buffer = _output.GetSpan(Math.Max(size, MinimumSpan));
        }

        return _buffer[_length..];
    }
}
