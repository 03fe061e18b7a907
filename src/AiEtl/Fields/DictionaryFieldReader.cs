using System.Globalization;
using AiEtl.Internal;

namespace AiEtl;

/// <summary>
/// Reads a row's fields from a dictionary keyed by field name (the <see cref="Record"/> shape). A
/// value of the field's own type is taken as is; text and other numeric types are converted with
/// the invariant culture, so records built from JSON or by hand convert too.
/// </summary>
internal readonly struct DictionaryFieldReader : IFieldReader
{
    private readonly Schema _schema;
    private readonly IReadOnlyDictionary<string, object?> _values;

    public DictionaryFieldReader(Schema schema, IReadOnlyDictionary<string, object?> values)
    {
        _schema = schema;
        _values = values;
    }

    public bool IsNull(int ordinal) => Get(ordinal) is null or DBNull;

    public string ReadString(int ordinal) => Get(ordinal) switch
    {
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        null => throw Empty(ordinal, "text"),
        var other => other.ToString() ?? "",
    };

    public short ReadInt16(int ordinal) => Convert<short>(ordinal, "a 16-bit integer");

    public int ReadInt32(int ordinal) => Convert<int>(ordinal, "a 32-bit integer");

    public long ReadInt64(int ordinal) => Convert<long>(ordinal, "a 64-bit integer");

    public float ReadSingle(int ordinal) => Convert<float>(ordinal, "a number");

    public double ReadDouble(int ordinal) => Convert<double>(ordinal, "a number");

    public decimal ReadDecimal(int ordinal) => Convert<decimal>(ordinal, "a decimal number");

    public bool ReadBoolean(int ordinal) => Get(ordinal) switch
    {
        bool value => value,
        string text when bool.TryParse(text, out var parsed) => parsed,
        _ => Convert<bool>(ordinal, "a boolean"),
    };

    public DateOnly ReadDate(int ordinal) => Get(ordinal) switch
    {
        DateOnly value => value,
        DateTime value => DateOnly.FromDateTime(value),
        string text when DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Invalid(ordinal, "a date"),
    };

    public TimeOnly ReadTime(int ordinal) => Get(ordinal) switch
    {
        TimeOnly value => value,
        string text when TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Invalid(ordinal, "a time"),
    };

    public DateTime ReadDateTime(int ordinal) => Get(ordinal) switch
    {
        DateTime value => value,
        DateTimeOffset value => value.UtcDateTime,
        string text when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed) => parsed,
        _ => throw Invalid(ordinal, "a date-time"),
    };

    public DateTimeOffset ReadDateTimeOffset(int ordinal) => Get(ordinal) switch
    {
        DateTimeOffset value => value,
        DateTime value => new DateTimeOffset(DateTime.SpecifyKind(value, value.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : value.Kind)),
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => throw Invalid(ordinal, "a timestamp"),
    };

    public Guid ReadGuid(int ordinal) => Get(ordinal) switch
    {
        Guid value => value,
        string text when Guid.TryParse(text, out var parsed) => parsed,
        _ => throw Invalid(ordinal, "a GUID"),
    };

    public string ReadJson(int ordinal) => ReadString(ordinal);

    public TElement[] ReadArray<TElement>(int ordinal) => Get(ordinal) switch
    {
        TElement[] array => array,
        IEnumerable<TElement> list => [.. list],
        string json => ParseArray<TElement>(ordinal, json),
        _ => throw Invalid(ordinal, $"a list of {typeof(TElement).Name}"),
    };

    public TEnum ReadEnum<TEnum>(int ordinal)
        where TEnum : struct, Enum => Get(ordinal) switch
        {
            TEnum value => value,
            string text when Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) => parsed,
            _ => throw Invalid(ordinal, $"one of {string.Join(", ", Enum.GetNames<TEnum>())}"),
        };

    private object? Get(int ordinal) => _values.TryGetValue(_schema.Fields[ordinal].Name, out var value) ? value : null;

    private TValue Convert<TValue>(int ordinal, string expected)
        where TValue : IParsable<TValue>
    {
        var value = Get(ordinal);
        switch (value)
        {
            case TValue typed:
                return typed;
            case null or DBNull:
                throw Empty(ordinal, expected);
            case string text when TValue.TryParse(text, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case IConvertible convertible:
                try
                {
                    return (TValue)convertible.ToType(typeof(TValue), CultureInfo.InvariantCulture);
                }
                catch (Exception error) when (error is InvalidCastException or FormatException or OverflowException)
                {
                    throw new FieldFormatException(ordinal, expected, error);
                }

            default:
                throw Invalid(ordinal, expected);
        }
    }

    private static TElement[] ParseArray<TElement>(int ordinal, string json)
    {
        try
        {
            return JsonArrays.Parse<TElement>(json);
        }
        catch (FormatException error)
        {
            throw new FieldFormatException(ordinal, $"a JSON array of {typeof(TElement).Name} ({error.Message})", error);
        }
    }

    private static FieldFormatException Empty(int ordinal, string expected) => new(ordinal, $"{expected} (the value is null and the field is not nullable)");

    private static FieldFormatException Invalid(int ordinal, string expected) => new(ordinal, expected);
}
