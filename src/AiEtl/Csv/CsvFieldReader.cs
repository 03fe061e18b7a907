using System.Globalization;
using AiEtl.Fields;
using CsvHelper;

namespace AiEtl.Csv;

/// <summary>
/// Reads the current CSV record by schema ordinal, parsing each field from its UTF-8 bytes. A ref
/// struct, so generated <c>ReadFields</c> code is specialised for it and nothing is boxed.
/// </summary>
internal readonly ref struct CsvFieldReader : IFieldReader
{
    private readonly CsvReader _csv;
    private readonly int[] _columns;

    /// <param name="csv">The reader, positioned on a record.</param>
    /// <param name="columns">The CSV column of each schema ordinal.</param>
    public CsvFieldReader(CsvReader csv, int[] columns)
    {
        _csv = csv;
        _columns = columns;
    }

    public bool IsNull(int ordinal) => _csv.IsNull(_columns[ordinal]);

    public string ReadString(int ordinal) => _csv.GetString(_columns[ordinal]) ?? "";

    public short ReadInt16(int ordinal) =>
        short.TryParse(Span(ordinal, "an integer"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(ordinal, "a 16-bit integer");

    public int ReadInt32(int ordinal) =>
        int.TryParse(Span(ordinal, "an integer"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(ordinal, "a 32-bit integer");

    public long ReadInt64(int ordinal) =>
        long.TryParse(Span(ordinal, "an integer"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(ordinal, "a 64-bit integer");

    public float ReadSingle(int ordinal) =>
        float.TryParse(Span(ordinal, "a number"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(ordinal, "a number");

    public double ReadDouble(int ordinal) =>
        double.TryParse(Span(ordinal, "a number"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(ordinal, "a number");

    public decimal ReadDecimal(int ordinal) =>
        decimal.TryParse(Span(ordinal, "a decimal number"), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(ordinal, "a decimal number");

    public bool ReadBoolean(int ordinal) =>
        Utf8Values.TryParseBoolean(Span(ordinal, "a boolean"), out var value) ? value : throw Invalid(ordinal, "a boolean (true/false)");

    public DateOnly ReadDate(int ordinal) =>
        Utf8Values.TryParseDate(Span(ordinal, "a date"), out var value) ? value : throw Invalid(ordinal, "a date (yyyy-MM-dd)");

    public TimeOnly ReadTime(int ordinal) =>
        Utf8Values.TryParseTime(Span(ordinal, "a time"), out var value) ? value : throw Invalid(ordinal, "a time (HH:mm:ss)");

    public DateTime ReadDateTime(int ordinal) =>
        Utf8Values.TryParseDateTime(Span(ordinal, "a date-time"), out var value) ? value : throw Invalid(ordinal, "an ISO-8601 date-time");

    public DateTimeOffset ReadDateTimeOffset(int ordinal) =>
        Utf8Values.TryParseDateTimeOffset(Span(ordinal, "a timestamp"), out var value) ? value : throw Invalid(ordinal, "an ISO-8601 timestamp");

    public Guid ReadGuid(int ordinal) =>
        Utf8Values.TryParseGuid(Span(ordinal, "a GUID"), out var value) ? value : throw Invalid(ordinal, "a GUID");

    public string ReadJson(int ordinal) =>
        Utf8Values.IsValidJson(Span(ordinal, "JSON")) ? ReadString(ordinal) : throw Invalid(ordinal, "valid JSON");

    public TElement[] ReadArray<TElement>(int ordinal)
    {
        try
        {
            return JsonArrays.Parse<TElement>(Span(ordinal, "a JSON array"));
        }
        catch (FormatException error)
        {
            throw new FieldFormatException(ordinal, $"a JSON array of {typeof(TElement).Name} ({error.Message})", error);
        }
    }

    public TEnum ReadEnum<TEnum>(int ordinal)
        where TEnum : struct, Enum
    {
        // The list of names is built only for the error, so that reading an enum allocates nothing.
        var column = _columns[ordinal];
        if (_csv.IsEmpty(column))
        {
            throw new FieldFormatException(ordinal, $"{EnumNames<TEnum>()} (the field is empty and not nullable)");
        }

        return Utf8Values.TryParseEnum<TEnum>(_csv.GetSpan(column), out var value) ? value : throw Invalid(ordinal, EnumNames<TEnum>());
    }

    // The field's bytes; an empty field cannot be read as a value type, so it fails here with a clear reason.
    private ReadOnlySpan<byte> Span(int ordinal, string expected)
    {
        var column = _columns[ordinal];
        return _csv.IsEmpty(column) ? throw new FieldFormatException(ordinal, $"{expected} (the field is empty and not nullable)") : _csv.GetSpan(column);
    }

    private static FieldFormatException Invalid(int ordinal, string expected) => new(ordinal, expected);

    private static string EnumNames<TEnum>()
        where TEnum : struct, Enum => $"one of {string.Join(", ", Enum.GetNames<TEnum>())}";
}
