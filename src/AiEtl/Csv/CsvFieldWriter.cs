using System.Buffers;
using System.Globalization;
using System.Text;
using AiEtl.Internal;

namespace AiEtl.Csv;

/// <summary>
/// Writes one CSV record as UTF-8, RFC 4180 quoting (a field with the separator, a quote, a line break
/// or surrounding spaces is quoted, quotes doubled), invariant culture and ISO dates, in the forms the
/// CSV source reads back exactly. Fields arrive in ordinal order, so a separator goes before every
/// field but the first.
/// </summary>
internal readonly struct CsvFieldWriter : IFieldWriter
{
    private const int MaxFormattedLength = 64;
    private readonly IBufferWriter<byte> _output;
    private readonly CsvWriteFormat _format;

    public CsvFieldWriter(IBufferWriter<byte> output, CsvWriteFormat format)
    {
        _output = output;
        _format = format;
    }

    public void WriteNull(int ordinal)
    {
        Separator(ordinal);
        _output.Write(_format.NullValue);
    }

    public void WriteString(int ordinal, string value)
    {
        Separator(ordinal);
        WriteText(value);
    }

    public void WriteInt16(int ordinal, short value) => Formatted(ordinal, value, default);

    public void WriteInt32(int ordinal, int value) => Formatted(ordinal, value, default);

    public void WriteInt64(int ordinal, long value) => Formatted(ordinal, value, default);

    public void WriteSingle(int ordinal, float value) => Formatted(ordinal, value, default);

    public void WriteDouble(int ordinal, double value) => Formatted(ordinal, value, default);

    public void WriteDecimal(int ordinal, decimal value) => Formatted(ordinal, value, default);

    public void WriteBoolean(int ordinal, bool value)
    {
        Separator(ordinal);
        _output.Write(value ? "true"u8 : "false"u8);
    }

    public void WriteDate(int ordinal, DateOnly value)
    {
        Separator(ordinal);
        _output.Advance(IsoText.WriteDate(_output.GetSpan(IsoText.MaxLength), value));
    }

    public void WriteTime(int ordinal, TimeOnly value)
    {
        Separator(ordinal);
        _output.Advance(IsoText.WriteTime(_output.GetSpan(IsoText.MaxLength), value.Ticks));
    }

    public void WriteDateTime(int ordinal, DateTime value)
    {
        // UTC (and local, converted) values carry a Z, so the reader gives back a UTC value; unspecified ones stay bare.
        Separator(ordinal);
        var span = _output.GetSpan(IsoText.MaxLength);
        if (value.Kind == DateTimeKind.Unspecified)
        {
            _output.Advance(IsoText.WriteDateTime(span, value));
        }
        else
        {
            var length = IsoText.WriteDateTime(span, value.ToUniversalTime());
            span[length] = (byte)'Z';
            _output.Advance(length + 1);
        }
    }

    public void WriteDateTimeOffset(int ordinal, DateTimeOffset value)
    {
        Separator(ordinal);
        var span = _output.GetSpan(IsoText.MaxLength);
        var length = IsoText.WriteDateTime(span, value.DateTime);
        _output.Advance(length + IsoText.WriteOffset(span[length..], value.Offset));
    }

    public void WriteGuid(int ordinal, Guid value) => Formatted(ordinal, value, "D");

    public void WriteJson(int ordinal, string json) => WriteString(ordinal, json);

    public void WriteArray<TElement>(int ordinal, ReadOnlySpan<TElement> values)
    {
        Separator(ordinal);
        WriteText(JsonArrays.FormatUtf8(values));
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

        Separator(ordinal);
        WriteText(name[..length]);
    }

    /// <summary>Writes a header row of the schema's field names.</summary>
    public void WriteHeader(Schema schema)
    {
        for (var ordinal = 0; ordinal < schema.Fields.Count; ordinal++)
        {
            WriteString(ordinal, schema.Fields[ordinal].Name);
        }

        EndRecord();
    }

    public void EndRecord() => _output.Write(_format.NewLine);

    private void Separator(int ordinal)
    {
        if (ordinal > 0)
        {
            WriteByte(_format.Delimiter);
        }
    }

    private void WriteByte(byte value)
    {
        _output.GetSpan(1)[0] = value;
        _output.Advance(1);
    }

    private void Formatted<TValue>(int ordinal, TValue value, ReadOnlySpan<char> format)
        where TValue : IUtf8SpanFormattable
    {
        Separator(ordinal);
        var span = _output.GetSpan(MaxFormattedLength);
        if (!value.TryFormat(span, out var written, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"field {ordinal}: the value does not fit in {MaxFormattedLength} bytes");
        }

        _output.Advance(written);
    }

    private void WriteText(ReadOnlySpan<char> value)
    {
        if (!NeedsQuotes(value))
        {
            var length = Encoding.UTF8.GetByteCount(value);
            var span = _output.GetSpan(length);
            _output.Advance(Encoding.UTF8.GetBytes(value, span));
            return;
        }

        var quote = _format.Quote;
        WriteByte(quote);
        var rest = value;
        while (true)
        {
            var at = rest.IndexOf((char)quote);
            var part = at < 0 ? rest : rest[..(at + 1)];
            var span = _output.GetSpan(Encoding.UTF8.GetByteCount(part));
            _output.Advance(Encoding.UTF8.GetBytes(part, span));
            if (at < 0)
            {
                break;
            }

            // RFC 4180: a quote inside a quoted field is doubled.
            WriteByte(quote);
            rest = rest[(at + 1)..];
        }

        WriteByte(quote);
    }

    // The same rules for text that is UTF-8 already (a JSON array).
    private void WriteText(ReadOnlySpan<byte> value)
    {
        if (!NeedsQuotes(value))
        {
            _output.Write(value);
            return;
        }

        var quote = _format.Quote;
        WriteByte(quote);
        var rest = value;
        while (true)
        {
            var at = rest.IndexOf(quote);
            _output.Write(at < 0 ? rest : rest[..(at + 1)]);
            if (at < 0)
            {
                break;
            }

            WriteByte(quote);
            rest = rest[(at + 1)..];
        }

        WriteByte(quote);
    }

    private bool NeedsQuotes(ReadOnlySpan<char> value) =>
        value.Length > 0
        && (value.IndexOfAny(_format.Special) >= 0 || value[0] is ' ' or '\t' || value[^1] is ' ' or '\t'
            || (_format.NullValue.Length > 0 && Encoding.UTF8.GetByteCount(value) == _format.NullValue.Length && value.SequenceEqual(_format.NullText)));

    private bool NeedsQuotes(ReadOnlySpan<byte> value) =>
        value.Length > 0
        && (value.IndexOfAny(_format.SpecialBytes) >= 0 || value[0] is (byte)' ' or (byte)'\t' || value[^1] is (byte)' ' or (byte)'\t'
            || (_format.NullValue.Length > 0 && value.SequenceEqual(_format.NullValue)));
}
