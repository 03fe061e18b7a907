using System.Globalization;
using AiEtl.Csv;

namespace AiEtl;

/// <summary>
/// Whether the CSV source reads one field as a type: the same calls, in the same order, as <see cref="CsvFieldReader"/>
/// makes for a source with these options (a test checks the two agree), without throwing for each value that does not fit.
/// </summary>
internal sealed class SourceValues(CsvValueFormat? format)
{
    public bool TryInt64(ReadOnlySpan<byte> text, out long value) =>
        format is not null ? format.TryParseNumber(text, NumberStyles.Integer, out value) : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    public bool TryDouble(ReadOnlySpan<byte> text, out double value) =>
        format is not null ? format.TryParseNumber(text, NumberStyles.Float, out value) : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public bool TryDecimal(ReadOnlySpan<byte> text, out decimal value) =>
        format is not null ? format.TryParseNumber(text, NumberStyles.Number, out value) : Utf8Values.TryParseDecimal(text, out value);

    public static bool TryBoolean(ReadOnlySpan<byte> text, out bool value) => Utf8Values.TryParseBoolean(text, out value);

    public bool TryDate(ReadOnlySpan<byte> text, out DateOnly value) =>
        format is not null ? format.TryParseDate(text, out value) : Utf8Values.TryParseDate(text, out value);

    public bool TryTime(ReadOnlySpan<byte> text, out TimeOnly value) =>
        format is not null ? format.TryParseTime(text, out value) : Utf8Values.TryParseTime(text, out value);

    public bool TryDateTime(ReadOnlySpan<byte> text, out DateTime value) =>
        format is not null ? format.TryParseDateTime(text, out value) : Utf8Values.TryParseDateTime(text, out value);

    public bool TryDateTimeOffset(ReadOnlySpan<byte> text, out DateTimeOffset value) =>
        format is not null ? format.TryParseDateTimeOffset(text, out value) : Utf8Values.TryParseDateTimeOffset(text, out value);

    public static bool TryGuid(ReadOnlySpan<byte> text, out Guid value) => Utf8Values.TryParseGuid(text, out value);

    public static bool IsJson(ReadOnlySpan<byte> text) => Utf8Values.IsValidJson(text);
}
