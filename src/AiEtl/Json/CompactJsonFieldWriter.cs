using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
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
/// (<see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>), whose decisions <see cref="RelaxedJsonText"/> keeps;
/// dates and times are <see cref="IsoText"/>'s, decimals <see cref="DecimalText"/>'s.
/// </summary>
internal ref struct CompactJsonFieldWriter : IFieldWriter
{
    // Utf8JsonWriter refuses longer strings (its MaxCharacterTokenSize) and longer raw JSON; the same limits
    // keep the same failures and keep the size arithmetic below from overflowing.
    private const int MaxStringLength = 166_666_666;
    private const int MaxRawJsonLength = int.MaxValue / 3;

    // The longest UTF-8 text of a number: "-1.7976931348623157E+308", a 30-digit decimal with sign and point.
    private const int MaxNumberLength = 32;

    // Quotes around the longest date and time text.
    private const int MaxDateTimeLength = IsoText.MaxLength + 2;

    private const int MaxGuidLength = 38;
    private const int MinimumSpan = 512;
    private const int StackEscapeLength = 256;

    private const string InvalidUtf16 = "Cannot transcode invalid UTF-16 string to UTF-8 JSON text.";

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteStartObject(ReadOnlySpan<byte> separator)
    {
        var span = Reserve(separator.Length + 1);
        separator.CopyTo(span);
        span[separator.Length] = (byte)'{';
        _length += separator.Length + 1;
        _skipComma = 1;
    }

    /// <summary>Ends a row with the closing brace and <paramref name="terminator"/> (what ends each row, if anything).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteDecimal(int ordinal, decimal value)
    {
        var span = StartProperty(ordinal, MaxNumberLength);
        _length += DecimalText.Write(span, value);
    }

    public void WriteBoolean(int ordinal, bool value) => WriteLiteral(ordinal, value ? "true"u8 : "false"u8);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteDate(int ordinal, DateOnly value)
    {
        StartProperty(ordinal, MaxDateTimeLength);
        WriteDateValue(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteTime(int ordinal, TimeOnly value)
    {
        StartProperty(ordinal, MaxDateTimeLength);
        WriteTimeValue(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteDateTime(int ordinal, DateTime value)
    {
        StartProperty(ordinal, MaxDateTimeLength);
        WriteDateTimeValue(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            _length += DecimalText.Write(span, (decimal)(object)value!);
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteStringValue(scoped ReadOnlySpan<char> value)
    {
        var span = _buffer[_length..];
        span[0] = (byte)'"';
        var written = RelaxedJsonText.TryTranscodeUnescaped(value, span[1..]);
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

    // What Utf8JsonWriter does with text to escape: the text through the encoder (which copies the characters it
    // allows, escapes the others and turns invalid UTF-16 into an escaped U+FFFD), then UTF-8.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteEscapedString(scoped ReadOnlySpan<char> value)
    {
        var maxLength = value.Length * RelaxedJsonText.MaxEscapedCharLength;
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
        var length = 1 + IsoText.WriteDate(span[1..], value);
        span[length] = (byte)'"';
        _length += length + 1;
    }

    private void WriteTimeValue(TimeOnly value)
    {
        var span = _buffer[_length..];
        span[0] = (byte)'"';
        var length = 1 + IsoText.WriteTime(span[1..], value.Ticks);
        span[length] = (byte)'"';
        _length += length + 1;
    }

    // Utf8JsonWriter writes the round-trip ("O") format without trailing zeros in the fraction of a second:
    // yyyy-MM-ddTHH:mm:ss[.fffffff], then Z for UTC, the local offset for a local time, nothing for an unspecified kind.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteDateTimeValue(DateTime value)
    {
        var span = _buffer[_length..];
        span[0] = (byte)'"';
        var length = 1 + IsoText.WriteDateTime(span[1..], value);
        if (value.Kind == DateTimeKind.Utc)
        {
            span[length++] = (byte)'Z';
        }
        else if (value.Kind == DateTimeKind.Local)
        {
            length += IsoText.WriteOffset(span[length..], TimeZoneInfo.Local.GetUtcOffset(value));
        }

        span[length] = (byte)'"';
        _length += length + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteDateTimeOffsetValue(DateTimeOffset value)
    {
        var span = _buffer[_length..];
        span[0] = (byte)'"';
        var length = 1 + IsoText.WriteDateTime(span[1..], value.DateTime);
        length += IsoText.WriteOffset(span[length..], value.Offset);
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
