using System.Globalization;
using System.Text.Json;
using AiEtl.Internal;

namespace AiEtl.Json;

/// <summary>
/// Writes one row as the properties of a JSON object: numbers as numbers, booleans as booleans, JSON
/// fields as nested JSON (not as strings), arrays as arrays, dates as ISO-8601 strings. Property
/// names are encoded once per destination.
/// </summary>
internal readonly struct JsonFieldWriter : IFieldWriter
{
    private readonly Utf8JsonWriter _writer;
    private readonly JsonEncodedText[] _names;

    public JsonFieldWriter(Utf8JsonWriter writer, JsonEncodedText[] names)
    {
        _writer = writer;
        _names = names;
    }

    public void WriteNull(int ordinal) => _writer.WriteNull(_names[ordinal]);

    public void WriteString(int ordinal, string value) => _writer.WriteString(_names[ordinal], value);

    public void WriteInt16(int ordinal, short value) => _writer.WriteNumber(_names[ordinal], value);

    public void WriteInt32(int ordinal, int value) => _writer.WriteNumber(_names[ordinal], value);

    public void WriteInt64(int ordinal, long value) => _writer.WriteNumber(_names[ordinal], value);

    public void WriteSingle(int ordinal, float value)
    {
        if (float.IsFinite(value))
        {
            _writer.WriteNumber(_names[ordinal], value);
        }
        else
        {
            // JSON has no NaN or infinity: they go as the strings the JSON source reads back.
            _writer.WriteString(_names[ordinal], value.ToString(CultureInfo.InvariantCulture));
        }
    }

    public void WriteDouble(int ordinal, double value)
    {
        if (double.IsFinite(value))
        {
            _writer.WriteNumber(_names[ordinal], value);
        }
        else
        {
            _writer.WriteString(_names[ordinal], value.ToString(CultureInfo.InvariantCulture));
        }
    }

    public void WriteDecimal(int ordinal, decimal value) => _writer.WriteNumber(_names[ordinal], value);

    public void WriteBoolean(int ordinal, bool value) => _writer.WriteBoolean(_names[ordinal], value);

    public void WriteDate(int ordinal, DateOnly value)
    {
        Span<byte> text = stackalloc byte[IsoText.MaxLength];
        _writer.WriteString(_names[ordinal], text[..IsoText.WriteDate(text, value)]);
    }

    public void WriteTime(int ordinal, TimeOnly value)
    {
        Span<byte> text = stackalloc byte[IsoText.MaxLength];
        _writer.WriteString(_names[ordinal], text[..IsoText.WriteTime(text, value.Ticks)]);
    }

    public void WriteDateTime(int ordinal, DateTime value) =>
        _writer.WriteString(_names[ordinal], value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value);

    public void WriteDateTimeOffset(int ordinal, DateTimeOffset value) => _writer.WriteString(_names[ordinal], value);

    public void WriteGuid(int ordinal, Guid value) => _writer.WriteString(_names[ordinal], value);

    public void WriteJson(int ordinal, string json)
    {
        _writer.WritePropertyName(_names[ordinal]);
        _writer.WriteRawValue(json);
    }

    public void WriteArray<TElement>(int ordinal, ReadOnlySpan<TElement> values)
    {
        _writer.WritePropertyName(_names[ordinal]);
        JsonArrays.Write(_writer, values);
    }

    public void WriteEnum<TEnum>(int ordinal, TEnum value)
        where TEnum : struct, Enum => _writer.WriteString(_names[ordinal], value.ToString());
}
