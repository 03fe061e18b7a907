using System.Globalization;
using System.Numerics;
using System.Text;

namespace AiEtl.Csv;

/// <summary>
/// The culture and exact date formats of a CSV source, checked and prepared once per source. Absent (null in
/// <see cref="CsvFieldReader"/>) on the default invariant ISO path, which therefore stays as fast as before.
/// </summary>
internal sealed class CsvValueFormat
{
    private const DateTimeStyles DateTimeParseStyles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal;
    private const DateTimeStyles TimestampParseStyles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;

    private readonly byte[] _groupSeparator;
    private readonly byte[] _decimalSeparator;
    private readonly string _integerSuffix;
    private readonly string _numberSuffix;

    private CsvValueFormat(CultureInfo? culture, string[]? dates, string[]? dateTimes, string[]? times)
    {
        Culture = culture ?? CultureInfo.InvariantCulture;
        HasCulture = culture is not null;
        DateFormats = dates;
        DateTimeFormats = dateTimes;
        TimeFormats = times;
        _groupSeparator = Encoding.UTF8.GetBytes(Culture.NumberFormat.NumberGroupSeparator);
        _decimalSeparator = Encoding.UTF8.GetBytes(Culture.NumberFormat.NumberDecimalSeparator);
        // An example in the culture says more than its name, and a culture built from the invariant one has no name.
        var name = Culture.Name.Length == 0 ? "" : $" ({Culture.Name})";
        _integerSuffix = HasCulture ? $" like {1234567.ToString("N0", Culture)}{name}" : "";
        _numberSuffix = HasCulture ? $" like {1234.56m.ToString("N2", Culture)}{name}" : "";
        DateExpected = $"a date ({Describe(dates, "yyyy-MM-dd")})";
        DateTimeExpected = $"a date-time ({Describe(dateTimes, "ISO-8601")})";
        TimestampExpected = $"a timestamp ({Describe(dateTimes, "ISO-8601")})";
        TimeExpected = $"a time ({Describe(times, "HH:mm:ss")})";
    }

    public CultureInfo Culture { get; }

    /// <summary>Whether a culture was set (otherwise only exact formats were, read with the invariant culture).</summary>
    public bool HasCulture { get; }

    public string[]? DateFormats { get; }

    public string[]? DateTimeFormats { get; }

    public string[]? TimeFormats { get; }

    public string DateExpected { get; }

    public string DateTimeExpected { get; }

    public string TimestampExpected { get; }

    public string TimeExpected { get; }

    private string CultureName => Culture.Name.Length == 0 ? "the culture's" : $"the {Culture.Name}";

    /// <summary>The prepared format, or <see langword="null"/> when the options ask for the default invariant ISO reading.</summary>
    /// <exception cref="PipelineConfigurationException">A format is empty or not a valid .NET format string.</exception>
    public static CsvValueFormat? From(CsvSourceOptions options)
    {
        var dates = Check(options.DateFormats, nameof(options.DateFormats), options.Path, static (format, culture) => new DateOnly(2024, 12, 31).ToString(format, culture));
        var dateTimes = Check(options.DateTimeFormats, nameof(options.DateTimeFormats), options.Path, static (format, culture) => new DateTimeOffset(2024, 12, 31, 23, 59, 58, TimeSpan.Zero).ToString(format, culture));
        var times = Check(options.TimeFormats, nameof(options.TimeFormats), options.Path, static (format, culture) => new TimeOnly(23, 59, 58).ToString(format, culture));
        return options.Culture is null && dates is null && dateTimes is null && times is null ? null : new CsvValueFormat(options.Culture, dates, dateTimes, times);
    }

    /// <summary>What a number field should have been, with an example in the culture when one is set: <c>a decimal number like 1.234,56 (de-DE)</c>.</summary>
    public string Number(string expected, bool integer) => expected + (integer ? _integerSuffix : _numberSuffix);

    /// <summary>Parses a number in the culture, refusing group separators that do not sit between groups of three digits.</summary>
    public bool TryParseNumber<TNumber>(ReadOnlySpan<byte> text, NumberStyles styles, out TNumber value)
        where TNumber : INumberBase<TNumber>
    {
        // Without a culture (only date formats set), numbers follow the default path's rules exactly.
        var ok = HasCulture
            ? TNumber.TryParse(text, styles | NumberStyles.AllowThousands, Culture, out var parsed) && NumberGroups.AreWellFormed(text, _groupSeparator, _decimalSeparator)
            : TNumber.TryParse(text, styles, CultureInfo.InvariantCulture, out parsed) && NumberGroups.AreWellFormed(text, ","u8, "."u8);
        value = ok ? parsed! : TNumber.Zero;
        return ok;
    }

    public bool TryParseDate(ReadOnlySpan<byte> text, out DateOnly value) =>
        DateFormats is not null
            ? Utf8Values.WithChars(text, this, static (chars, format) => (DateOnly.TryParseExact(chars, format.DateFormats!, format.Culture, DateTimeStyles.AllowWhiteSpaces, out var parsed), parsed), out value)
            : Utf8Values.TryParseIsoDate(text, out value)
                || Utf8Values.WithChars(text, this, static (chars, format) => (DateOnly.TryParse(chars, format.Culture, DateTimeStyles.AllowWhiteSpaces, out var parsed), parsed), out value);

    public bool TryParseTime(ReadOnlySpan<byte> text, out TimeOnly value) =>
        TimeFormats is not null
            ? Utf8Values.WithChars(text, this, static (chars, format) => (TimeOnly.TryParseExact(chars, format.TimeFormats!, format.Culture, DateTimeStyles.AllowWhiteSpaces, out var parsed), parsed), out value)
            : TryParseIsoTime(text, out value)
                || Utf8Values.WithChars(text, this, static (chars, format) => (TimeOnly.TryParse(chars, format.Culture, DateTimeStyles.AllowWhiteSpaces, out var parsed), parsed), out value);

    public bool TryParseDateTime(ReadOnlySpan<byte> text, out DateTime value) =>
        DateTimeFormats is not null
            ? Utf8Values.WithChars(text, this, static (chars, format) => (DateTime.TryParseExact(chars, format.DateTimeFormats!, format.Culture, DateTimeParseStyles, out var parsed), parsed), out value)
            : Utf8Values.TryParseIsoDateTime(text, out value)
                || Utf8Values.WithChars(text, this, static (chars, format) => (DateTime.TryParse(chars, format.Culture, DateTimeParseStyles, out var parsed), parsed), out value);

    public bool TryParseDateTimeOffset(ReadOnlySpan<byte> text, out DateTimeOffset value) =>
        DateTimeFormats is not null
            ? Utf8Values.WithChars(text, this, static (chars, format) => (DateTimeOffset.TryParseExact(chars, format.DateTimeFormats!, format.Culture, TimestampParseStyles, out var parsed), parsed), out value)
            : Utf8Values.TryParseIsoDateTimeOffset(text, out value)
                || Utf8Values.WithChars(text, this, static (chars, format) => (DateTimeOffset.TryParse(chars, format.Culture, TimestampParseStyles, out var parsed), parsed), out value);

    // Only the ISO fast path comes before the culture: the invariant culture's general parser would read 01.02.2024 month first.
    private static bool TryParseIsoTime(ReadOnlySpan<byte> text, out TimeOnly value)
    {
        var ok = Utf8Values.TryParseIsoTime(text, out var ticks);
        value = ok ? new TimeOnly(ticks) : default;
        return ok;
    }

    private string Describe(string[]? formats, string fallback) =>
        formats is not null ? string.Join(" or ", formats) : HasCulture ? $"{fallback} or {CultureName} forms" : fallback;

    private static string[]? Check(IReadOnlyList<string>? formats, string option, string path, Func<string, CultureInfo, string> sample)
    {
        if (formats is null || formats.Count == 0)
        {
            return null;
        }

        foreach (var format in formats)
        {
            try
            {
                if (string.IsNullOrWhiteSpace(format))
                {
                    throw new FormatException("the format is empty");
                }

                sample(format, CultureInfo.InvariantCulture);
            }
            catch (FormatException error)
            {
                throw new PipelineConfigurationException($"{option}: '{format}' is not a valid format ({error.Message})", new DataLocation(path), error);
            }
        }

        return [.. formats];
    }
}
