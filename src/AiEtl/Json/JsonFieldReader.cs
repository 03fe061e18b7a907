using System.Buffers;
using System.Text;
using System.Text.Json;
using AiEtl.Internal;

namespace AiEtl.Json;

/// <summary>
/// Reads the fields of one JSON object by schema ordinal, from the value spans that
/// <see cref="JsonObjectIndex"/> found. Numbers and booleans are read from their JSON tokens; strings
/// are parsed with the same invariant rules as CSV (so <c>"42"</c> reads as an integer too); JSON and
/// array fields take the value's JSON text.
/// </summary>
internal readonly ref struct JsonFieldReader : IFieldReader
{
    private readonly ReadOnlySpan<byte> _json;
    private readonly JsonObjectIndex _index;

    public JsonFieldReader(ReadOnlySpan<byte> json, JsonObjectIndex index)
    {
        _json = json;
        _index = index;
    }

    public bool IsNull(int ordinal) => _index.Lengths[ordinal] < 0 || _index.Kinds[ordinal] == JsonTokenType.Null;

    public string ReadString(int ordinal)
    {
        var raw = Raw(ordinal, "text");
        if (_index.Kinds[ordinal] != JsonTokenType.String)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var reader = Token(raw);
        return reader.GetString()!;
    }

    public short ReadInt16(int ordinal) => Number(ordinal, "a 16-bit integer", static (ref Utf8JsonReader r, out short v) => r.TryGetInt16(out v), static (ReadOnlySpan<byte> t, out short v) => short.TryParse(t, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out v));

    public int ReadInt32(int ordinal) => Number(ordinal, "a 32-bit integer", static (ref Utf8JsonReader r, out int v) => r.TryGetInt32(out v), static (ReadOnlySpan<byte> t, out int v) => int.TryParse(t, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out v));

    public long ReadInt64(int ordinal) => Number(ordinal, "a 64-bit integer", static (ref Utf8JsonReader r, out long v) => r.TryGetInt64(out v), static (ReadOnlySpan<byte> t, out long v) => long.TryParse(t, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out v));

    public float ReadSingle(int ordinal) => Number(ordinal, "a number", static (ref Utf8JsonReader r, out float v) => r.TryGetSingle(out v), static (ReadOnlySpan<byte> t, out float v) => float.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out v));

    public double ReadDouble(int ordinal) => Number(ordinal, "a number", static (ref Utf8JsonReader r, out double v) => r.TryGetDouble(out v), static (ReadOnlySpan<byte> t, out double v) => double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out v));

    public decimal ReadDecimal(int ordinal) => Number(ordinal, "a decimal number", static (ref Utf8JsonReader r, out decimal v) => r.TryGetDecimal(out v), static (ReadOnlySpan<byte> t, out decimal v) => decimal.TryParse(t, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out v));

    public bool ReadBoolean(int ordinal)
    {
        var raw = Raw(ordinal, "a boolean");
        return _index.Kinds[ordinal] switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => Text(ordinal, raw, "a boolean", static (ReadOnlySpan<byte> t, out bool v) => Utf8Values.TryParseBoolean(t, out v)),
        };
    }

    public DateOnly ReadDate(int ordinal) => Text(ordinal, Raw(ordinal, "a date"), "a date (yyyy-MM-dd)", static (ReadOnlySpan<byte> t, out DateOnly v) => Utf8Values.TryParseDate(t, out v));

    public TimeOnly ReadTime(int ordinal) => Text(ordinal, Raw(ordinal, "a time"), "a time (HH:mm:ss)", static (ReadOnlySpan<byte> t, out TimeOnly v) => Utf8Values.TryParseTime(t, out v));

    public DateTime ReadDateTime(int ordinal) => Text(ordinal, Raw(ordinal, "a date-time"), "an ISO-8601 date-time", static (ReadOnlySpan<byte> t, out DateTime v) => Utf8Values.TryParseDateTime(t, out v));

    public DateTimeOffset ReadDateTimeOffset(int ordinal) => Text(ordinal, Raw(ordinal, "a timestamp"), "an ISO-8601 timestamp", static (ReadOnlySpan<byte> t, out DateTimeOffset v) => Utf8Values.TryParseDateTimeOffset(t, out v));

    public Guid ReadGuid(int ordinal) => Text(ordinal, Raw(ordinal, "a GUID"), "a GUID", static (ReadOnlySpan<byte> t, out Guid v) => Utf8Values.TryParseGuid(t, out v));

    public string ReadJson(int ordinal) => Encoding.UTF8.GetString(Raw(ordinal, "JSON"));

    public TElement[] ReadArray<TElement>(int ordinal)
    {
        var raw = Raw(ordinal, "a JSON array");
        try
        {
            // A string holding a JSON array (as text formats carry arrays) is read too.
            return _index.Kinds[ordinal] == JsonTokenType.String
                ? JsonArrays.Parse<TElement>(Token(raw).GetString()!)
                : JsonArrays.Parse<TElement>(raw);
        }
        catch (FormatException error)
        {
            throw new FieldFormatException(ordinal, $"a JSON array of {typeof(TElement).Name} ({error.Message})", error);
        }
    }

    public TEnum ReadEnum<TEnum>(int ordinal)
        where TEnum : struct, Enum =>
        Text(ordinal, Raw(ordinal, "an enum value"), $"one of {string.Join(", ", Enum.GetNames<TEnum>())}", static (ReadOnlySpan<byte> t, out TEnum v) => Utf8Values.TryParseEnum(t, out v));

    /// <summary>The value's JSON text, for error messages.</summary>
    public string RawText(int ordinal) => _index.Lengths[ordinal] < 0 ? "a missing property" : Encoding.UTF8.GetString(_json.Slice(_index.Starts[ordinal], _index.Lengths[ordinal]));

    private delegate bool TokenParser<TValue>(ref Utf8JsonReader reader, out TValue value);

    private delegate bool TextParser<TValue>(ReadOnlySpan<byte> text, out TValue value);

    private ReadOnlySpan<byte> Raw(int ordinal, string expected)
    {
        if (IsNull(ordinal))
        {
            throw new FieldFormatException(ordinal, $"{expected} (the value is {(_index.Lengths[ordinal] < 0 ? "missing" : "null")} and the field is not nullable)");
        }

        return _json.Slice(_index.Starts[ordinal], _index.Lengths[ordinal]);
    }

    private TValue Number<TValue>(int ordinal, string expected, TokenParser<TValue> token, TextParser<TValue> text)
    {
        var raw = Raw(ordinal, expected);
        if (_index.Kinds[ordinal] == JsonTokenType.Number)
        {
            var reader = Token(raw);
            return token(ref reader, out var value) ? value : throw new FieldFormatException(ordinal, expected);
        }

        return Text(ordinal, raw, expected, text);
    }

    private TValue Text<TValue>(int ordinal, ReadOnlySpan<byte> raw, string expected, TextParser<TValue> parse)
    {
        if (_index.Kinds[ordinal] != JsonTokenType.String)
        {
            return parse(raw, out var plain) ? plain : throw new FieldFormatException(ordinal, expected);
        }

        var reader = Token(raw);
        if (!reader.ValueIsEscaped)
        {
            return parse(reader.ValueSpan, out var value) ? value : throw new FieldFormatException(ordinal, expected);
        }

        var rented = ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            var length = reader.CopyString(rented);
            return parse(rented.AsSpan(0, length), out var value) ? value : throw new FieldFormatException(ordinal, expected);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static Utf8JsonReader Token(ReadOnlySpan<byte> raw)
    {
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        return reader;
    }
}
