using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using AiEtl.Internal;

namespace AiEtl.Csv;

/// <summary>
/// Reads a tokenized CSV record by schema ordinal, parsing each field from its UTF-8 bytes. A ref
/// struct, so generated <c>ReadFields</c> code is specialised for it and nothing is boxed.
/// </summary>
internal readonly ref struct CsvFieldReader : IFieldReader
{
    private readonly CsvRow _row;
    private readonly CsvValueFormat? _format;

    /// <param name="row">The record's fields by schema ordinal.</param>
    /// <param name="format">The source's culture and date formats, built once per source; <see langword="null"/> for invariant ISO.</param>
    public CsvFieldReader(CsvRow row, CsvValueFormat? format = null)
    {
        _row = row;
        _format = format;
    }

    public bool IsNull(int ordinal) => _row.IsNull(ordinal);

    public string ReadString(int ordinal) => _row.GetString(ordinal);

    public short ReadInt16(int ordinal) => ReadNumber<short>(ordinal, NumberStyles.Integer, "a 16-bit integer");

    public int ReadInt32(int ordinal) => ReadNumber<int>(ordinal, NumberStyles.Integer, "a 32-bit integer");

    public long ReadInt64(int ordinal) => ReadNumber<long>(ordinal, NumberStyles.Integer, "a 64-bit integer");

    public float ReadSingle(int ordinal) => ReadNumber<float>(ordinal, NumberStyles.Float, "a number");

    public double ReadDouble(int ordinal) => ReadNumber<double>(ordinal, NumberStyles.Float, "a number");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public decimal ReadDecimal(int ordinal)
    {
        var text = Span(ordinal, "a decimal number");
        if (_format is not null)
        {
            return _format.TryParseNumber(text, NumberStyles.Number, out decimal parsed) ? parsed : throw Invalid(ordinal, _format.Number("a decimal number", integer: false));
        }

        return Utf8Values.TryParseDecimal(text, out var value) ? value : throw Invalid(ordinal, "a decimal number");
    }

    public bool ReadBoolean(int ordinal) =>
        Utf8Values.TryParseBoolean(Span(ordinal, "a boolean"), out var value) ? value : throw Invalid(ordinal, "a boolean (true/false)");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DateOnly ReadDate(int ordinal)
    {
        var text = Span(ordinal, "a date");
        if (_format is not null)
        {
            return _format.TryParseDate(text, out var parsed) ? parsed : throw Invalid(ordinal, _format.DateExpected);
        }

        return Utf8Values.TryParseDate(text, out var value) ? value : throw Invalid(ordinal, "a date (yyyy-MM-dd, or set Culture or DateFormats)");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TimeOnly ReadTime(int ordinal)
    {
        var text = Span(ordinal, "a time");
        if (_format is not null)
        {
            return _format.TryParseTime(text, out var parsed) ? parsed : throw Invalid(ordinal, _format.TimeExpected);
        }

        return Utf8Values.TryParseTime(text, out var value) ? value : throw Invalid(ordinal, "a time (HH:mm:ss)");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DateTime ReadDateTime(int ordinal)
    {
        var text = Span(ordinal, "a date-time");
        if (_format is not null)
        {
            return _format.TryParseDateTime(text, out var parsed) ? parsed : throw Invalid(ordinal, _format.DateTimeExpected);
        }

        return Utf8Values.TryParseDateTime(text, out var value) ? value : throw Invalid(ordinal, "an ISO-8601 date-time (or set Culture or DateTimeFormats)");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DateTimeOffset ReadDateTimeOffset(int ordinal)
    {
        var text = Span(ordinal, "a timestamp");
        if (_format is not null)
        {
            return _format.TryParseDateTimeOffset(text, out var parsed) ? parsed : throw Invalid(ordinal, _format.TimestampExpected);
        }

        return Utf8Values.TryParseDateTimeOffset(text, out var value) ? value : throw Invalid(ordinal, "an ISO-8601 timestamp (or set Culture or DateTimeFormats)");
    }

    public Guid ReadGuid(int ordinal) =>
        Utf8Values.TryParseGuid(Span(ordinal, "a GUID"), out var value) ? value : throw Invalid(ordinal, "a GUID");

    public string ReadJson(int ordinal) =>
        Utf8Values.IsValidJson(Span(ordinal, "JSON")) ? ReadString(ordinal) : throw Invalid(ordinal, "valid JSON");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        if (_row.IsEmpty(ordinal))
        {
            throw new FieldFormatException(ordinal, $"{EnumNames<TEnum>()} (the field is empty and not nullable)");
        }

        return Utf8Values.TryParseEnum<TEnum>(_row.GetSpan(ordinal), out var value) ? value : throw Invalid(ordinal, EnumNames<TEnum>());
    }

    // The field's bytes; an empty field cannot be read as a value type, so it fails here with a clear reason.
    private ReadOnlySpan<byte> Span(int ordinal, string expected)
    {
        return _row.IsEmpty(ordinal) ? throw new FieldFormatException(ordinal, $"{expected} (the field is empty and not nullable)") : _row.GetSpan(ordinal);
    }

    private static FieldFormatException Invalid(int ordinal, string expected) => new(ordinal, expected);

    private static string EnumNames<TEnum>()
        where TEnum : struct, Enum => $"one of {string.Join(", ", Enum.GetNames<TEnum>())}";

    // The integer and floating-point fields: invariant by default, or the culture's separators (decimals have their own
    // fast path above).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TNumber ReadNumber<TNumber>(int ordinal, NumberStyles styles, string expected)
        where TNumber : INumberBase<TNumber>
    {
        var integer = styles == NumberStyles.Integer;
        var text = Span(ordinal, integer ? "an integer" : "a number");
        if (_format is not null)
        {
            return _format.TryParseNumber(text, styles, out TNumber parsed) ? parsed : throw Invalid(ordinal, _format.Number(expected, integer));
        }

        return TNumber.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(ordinal, expected);
    }
}
