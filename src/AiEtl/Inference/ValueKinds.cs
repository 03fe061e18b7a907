using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using AiEtl.Csv;

namespace AiEtl;

/// <summary>
/// The most specific field type one text value parses as, by the parsing the CSV source will read it with (its
/// <see cref="CsvSourceOptions.Culture"/> and exact formats): a value is given a type only when the source reads it as
/// that type, and a date only in the forms <see cref="CsvSourceOptions"/> documents (the exact formats when set; otherwise
/// ISO, then the culture's own patterns when a culture is set), never in whatever else the general parser would guess.
/// </summary>
internal sealed class ValueKinds
{
    private const DateTimeStyles DateTimeStyle = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal;
    private const DateTimeStyles TimestampStyle = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;

    // ISO shapes the source's fast path leaves to the general parser; inference accepted them before cultures existed.
    private static readonly string[] IsoDateTimeForms =
        ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mmK"];

    private const int MaxRemembered = 100_000;

    private readonly Dictionary<string, ValueKind> _seen = new(StringComparer.Ordinal);
    private readonly SourceValues _source;
    private readonly CultureInfo _culture;
    private readonly string? _groupSeparator;
    private readonly DateForm[] _dates;
    private readonly DateForm[] _dateTimes;
    private readonly DateForm[] _times;
    private readonly bool _exactDates;
    private readonly bool _exactDateTimes;
    private readonly bool _exactTimes;
    private readonly bool _invariant;
    private readonly bool _defaultSource;
    private readonly NonDates _nonDates;
    private readonly char _decimalSeparator;

    /// <exception cref="PipelineConfigurationException">A format of <paramref name="options"/> is not valid.</exception>
    public ValueKinds(CsvSourceOptions options)
    {
        var format = CsvValueFormat.From(options);
        _source = new SourceValues(format);
        _culture = format?.Culture ?? CultureInfo.InvariantCulture;
        var culture = options.Culture;
        _invariant = culture is null;
        _decimalSeparator = (culture ?? CultureInfo.InvariantCulture).NumberFormat.NumberDecimalSeparator[0];
        _groupSeparator = culture is null || culture.NumberFormat.NumberGroupSeparator.Length == 0 ? null : culture.NumberFormat.NumberGroupSeparator;
        _exactDates = format?.DateFormats is not null;
        _exactDateTimes = format?.DateTimeFormats is not null;
        _exactTimes = format?.TimeFormats is not null;
        _dates = Forms(format?.DateFormats ?? CulturePatterns(culture, 'd'));
        _dateTimes = Forms(format?.DateTimeFormats ?? [.. IsoDateTimeForms, .. CultureDateTimePatterns(culture)]);
        _times = Forms(format?.TimeFormats ?? CulturePatterns(culture, 't', 'T'));
        _defaultSource = format is null;
        string[] formats = [.. format?.DateFormats ?? [], .. format?.DateTimeFormats ?? [], .. format?.TimeFormats ?? []];
        _nonDates = new NonDates(_culture, _dates.Concat(_dateTimes).Concat(_times).Select(f => f.Pattern).Concat(formats));
        DeclaredOrders = [Declared(_exactDates, _dates), Declared(_exactDateTimes, _dateTimes)];
    }

    /// <summary>
    /// Whether the exact formats of dates (first) and of date-times (second) name a single day/month order: the user has
    /// said which order the file uses, so values that fit both orders are read as configured without doubt.
    /// </summary>
    public bool[] DeclaredOrders { get; }

    /// <summary>The kind of <paramref name="value"/>; repeated values (most of a full scan) are looked up, not parsed again.</summary>
    public ValueKind Of(string value)
    {
        if (_seen.TryGetValue(value, out var known))
        {
            return known;
        }

        var kind = Classify(value, Encoding.UTF8.GetBytes(value));
        if (_seen.Count < MaxRemembered)
        {
            _seen[value] = kind;
        }

        return kind;
    }

    /// <summary>The kind of a value given as its characters and their UTF-8 bytes (a CSV field, without a string for it).</summary>
    public ValueKind Classify(ReadOnlySpan<char> value, ReadOnlySpan<byte> bytes) => Classify(value, bytes, out _);

    /// <summary>
    /// The kind of a value given as its characters and their UTF-8 bytes, and the number the invariant parser reads it as
    /// (<c>double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture)</c>) when classifying read that
    /// already: a plain integer or float of the default source (null otherwise, for the caller to parse if it needs it).
    /// </summary>
    // This and the steps below it are optimised at once: a full scan calls them per value not seen before from its first
    // rows (CsvSampleBatch says why).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ValueKind Classify(ReadOnlySpan<char> value, ReadOnlySpan<byte> bytes, out double? invariantNumber)
    {
        invariantNumber = null;
        var text = value.Trim();
        // 1 and 0 are numbers first: the column decides whether they are flags.
        if (text.Length > 0 && !char.IsAsciiDigit(text[0]) && SourceValues.TryBoolean(bytes, out _))
        {
            return new ValueKind(FieldType.Boolean);
        }

        // A leading zero (a zip code, a phone number) is text: reading it as a number would lose the zero.
        var digits = text.TrimStart("+-");
        var leadingZero = digits.Length > 1 && digits[0] == '0' && char.IsAsciiDigit(digits[1]);
        if (leadingZero && !digits.ContainsAnyExceptInRange('0', '9'))
        {
            return new ValueKind(FieldType.String, Shape: ValueShape.LeadingZeroDigits, Digits: digits.Length);
        }

        var grouped = _groupSeparator is not null && text.Contains(_groupSeparator, StringComparison.Ordinal);
        if (!leadingZero && _source.TryInt64(bytes, out var whole))
        {
            var readable = _defaultSource ? InvariantIntegerReadable(whole, text, out invariantNumber)
                : (_source.TryDouble(bytes, out _) ? ValueKind.Bit(FieldType.Float) : 0) | (_source.TryDecimal(bytes, out _) ? ValueKind.Bit(FieldType.Decimal) : 0);
            var shape = ValueShape.None;
            if (SourceValues.TryBoolean(bytes, out _))
            {
                (readable, shape) = (readable | ValueKind.Bit(FieldType.Boolean), ValueShape.ZeroOrOne);
            }
            else if (digits.Length == 4 && !grouped && whole is >= 1000 and <= 2999 && text.Length == 4)
            {
                shape = ValueShape.Year;
            }

            return new ValueKind(FieldType.Integer, readable, grouped, Shape: shape, Digits: digits.Length);
        }

        if (!leadingZero && text.ContainsAnyInRange('0', '9') && !text.ContainsAny("xX") && !(_defaultSource && InvariantFloats.Refuses(text))
            && _source.TryDouble(bytes, out var number) && double.IsFinite(number))
        {
            // The default source's parse is the invariant one, of the same text (UTF-8 or UTF-16, one algorithm).
            invariantNumber = _defaultSource ? number : null;
            var (before, after) = NumberWidths(text);
            return new ValueKind(FieldType.Float, _source.TryDecimal(bytes, out _) ? ValueKind.Bit(FieldType.Decimal) : 0, grouped, Decimals: after, Digits: before);
        }

        // Without a culture the source reads 1,234.50 only as a decimal (its parser allows groups of three); 3,5 and
        // 1.234,5 only make sense with a decimal comma, which the column decides on.
        if (_invariant && !leadingZero && NumberText.IsCommaGrouped(text) && _source.TryDecimal(bytes, out _))
        {
            var (before, after) = NumberWidths(text);
            return new ValueKind(FieldType.Decimal, Grouped: true, Decimals: after, Digits: before);
        }

        if (_invariant && NumberText.IsDecimalComma(text))
        {
            return new ValueKind(FieldType.String, Shape: ValueShape.DecimalComma);
        }

        if (NumberText.IsYearMonth(text))
        {
            return new ValueKind(FieldType.String, Shape: ValueShape.YearMonth);
        }

        // No date, date-time or time has a character none of the culture's names and patterns has (the @ of an e-mail):
        // the parsers below would all refuse it, and no form of another order reads it either.
        if (!text.ContainsAnyInRange('0', '9') || _nonDates.HasNonDateCharacter(text))
        {
            return Other(bytes, text);
        }

        if (TryDate(value, bytes, out var date, out var order))
        {
            var (orders, differs) = Scan(value, _dates, DateKey, date.DayNumber, order);
            var asDateTime = _source.TryDateTime(bytes, out var dateTime) && dateTime.Ticks == date.DayNumber * TimeSpan.TicksPerDay;
            return new ValueKind(FieldType.Date, asDateTime ? ValueKind.Bit(FieldType.DateTime) : 0, false, orders, order, differs);
        }

        if (TryDateTime(value, bytes, out var kind, out var key, out order))
        {
            var (orders, differs) = Scan(value, _dateTimes, kind == FieldType.Timestamp ? TimestampKey : DateTimeKey, key, order);
            return new ValueKind(kind, 0, false, orders, order, differs);
        }

        if (TryTime(value, bytes))
        {
            return new ValueKind(FieldType.Time);
        }

        // Text that a configured form of another day/month order would read: evidence of the order the column is in.
        var (dateOrders, _) = Scan(value, _dates, DateKey, null, DateOrder.None);
        var (dateTimeOrders, _) = Scan(value, _dateTimes, DateTimeKey, null, DateOrder.None);
        var other = Other(bytes, text);
        return other with { Orders = dateOrders | dateTimeOrders };
    }

    // What else the default source reads a whole number as: the float and decimal parsers allow all the integer parser
    // does (white space, a leading sign, digits: NumberStyles.Float and Number include Integer, and a text without a comma
    // has well-formed groups), so both read it, to the integer's value; the float parser reads -0 as negative zero.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int InvariantIntegerReadable(long whole, ReadOnlySpan<char> text, out double? invariantNumber)
    {
        invariantNumber = whole != 0 ? whole : text.TrimStart().StartsWith('-') ? -0.0 : 0.0;
        return ValueKind.Bit(FieldType.Float) | ValueKind.Bit(FieldType.Decimal);
    }

    // The digits before and after the decimal separator of a plain number (after: -1 with an exponent).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int Before, int After) NumberWidths(ReadOnlySpan<char> text)
    {
        if (text.ContainsAny("eE"))
        {
            return (0, -1);
        }

        var separator = text.LastIndexOf(_decimalSeparator);
        var integral = separator < 0 ? text : text[..separator];
        var before = 0;
        foreach (var c in integral)
        {
            before += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return (before, separator < 0 ? 0 : text.Length - separator - 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ValueKind Other(ReadOnlySpan<byte> bytes, ReadOnlySpan<char> text)
    {
        if (text.Length == 36 && Guid.TryParseExact(text, "D", out _) && SourceValues.TryGuid(bytes, out _))
        {
            return new ValueKind(FieldType.Guid);
        }

        if (text.Length >= 2 && ((text[0] == '{' && text[^1] == '}') || (text[0] == '[' && text[^1] == ']')) && SourceValues.IsJson(bytes))
        {
            return new ValueKind(FieldType.Json);
        }

        return new ValueKind(FieldType.String);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryDate(ReadOnlySpan<char> value, ReadOnlySpan<byte> bytes, out DateOnly date, out DateOrder order)
    {
        order = DateOrder.None;
        date = default;
        // The default source's general date parser refuses an ISO timestamp (a whole timestamp column): not run on it.
        if ((_defaultSource && NonDates.IsIsoTimestamp(bytes)) || !_source.TryDate(bytes, out date))
        {
            return false;
        }

        if (!_exactDates && Utf8Values.TryParseIsoDate(bytes, out _))
        {
            return true;
        }

        // The first configured form that reads the same date the source reads: with exact formats the one the source used,
        // with a culture one of its own patterns (the general parser it falls back to accepts much more).
        foreach (var form in _dates)
        {
            if (!form.IsTwin && DateKey(value, form.Pattern) == date.DayNumber)
            {
                order = form.Order;
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryDateTime(ReadOnlySpan<char> value, ReadOnlySpan<byte> bytes, out FieldType kind, out long key, out DateOrder order)
    {
        (kind, key, order) = (FieldType.String, 0, DateOrder.None);
        if (!_exactDateTimes && Utf8Values.TryParseSlicedIsoDateTime(bytes, out var local, out var offset))
        {
            kind = offset is null ? FieldType.DateTime : FieldType.Timestamp;
            // The default source reads the same ISO parts: what it reads the value as is known without parsing it again.
            return (_defaultSource && IsoDateTimeSourceKey.TryRead(local, offset, out key)) || Agrees(value, bytes, kind, pattern: null, out key);
        }

        foreach (var form in _dateTimes)
        {
            // A form that starts with the year reads nothing that does not start with a digit (after white space): not tried.
            if (form.IsTwin || (form.Pattern.StartsWith("yyyy", StringComparison.Ordinal) && value.TrimStart() is not [>= '0' and <= '9', ..]))
            {
                continue;
            }

            // The form that reads the value tells whether it has an offset (a timestamp) or not (a date-time).
            if (!DateTime.TryParseExact(value, form.Pattern, _culture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var parsed))
            {
                continue;
            }

            kind = parsed.Kind == DateTimeKind.Unspecified ? FieldType.DateTime : FieldType.Timestamp;
            if (Agrees(value, bytes, kind, form.Pattern, out key))
            {
                order = form.Order;
                return true;
            }

            // With exact formats the source read it with this one form and disagrees: not a value of this kind.
            if (_exactDateTimes)
            {
                return false;
            }
        }

        return false;
    }

    // Whether the source reads the value as the kind, to the value the form reads (pattern null: the ISO fast path).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Agrees(ReadOnlySpan<char> value, ReadOnlySpan<byte> bytes, FieldType kind, string? pattern, out long key)
    {
        key = 0;
        if (kind == FieldType.Timestamp)
        {
            if (!_source.TryDateTimeOffset(bytes, out var timestamp))
            {
                return false;
            }

            key = timestamp.UtcTicks;
            return pattern is null || TimestampKey(value, pattern) == key;
        }

        if (!_source.TryDateTime(bytes, out var dateTime))
        {
            return false;
        }

        key = dateTime.Ticks;
        return pattern is null || DateTimeKey(value, pattern) == key;
    }

    private bool TryTime(ReadOnlySpan<char> value, ReadOnlySpan<byte> bytes)
    {
        if (!_source.TryTime(bytes, out var time))
        {
            return false;
        }

        if (!_exactTimes && Utf8Values.TryParseIsoTime(bytes, out _))
        {
            return true;
        }

        foreach (var form in _times)
        {
            if (TimeOnly.TryParseExact(value, form.Pattern, _culture, DateTimeStyles.AllowWhiteSpaces, out var parsed) && parsed == time)
            {
                return true;
            }
        }

        return false;
    }

    // Which orders of the forms (twins included) read the value, and whether one of another order reads a different value.
    private (DateOrder Orders, bool Differs) Scan(ReadOnlySpan<char> value, DateForm[] forms, KeyReader read, long? sourceKey, DateOrder sourceOrder)
    {
        var orders = DateOrder.None;
        var differs = false;
        foreach (var form in forms)
        {
            if (form.Order == DateOrder.None || read(value, form.Pattern) is not { } key)
            {
                continue;
            }

            orders |= form.Order;
            differs |= sourceKey is not null && key != sourceKey && form.Order != sourceOrder;
        }

        return (orders, differs);
    }

    private long? DateKey(ReadOnlySpan<char> value, string pattern) =>
        DateOnly.TryParseExact(value, pattern, _culture, DateTimeStyles.AllowWhiteSpaces, out var parsed) ? parsed.DayNumber : null;

    private long? DateTimeKey(ReadOnlySpan<char> value, string pattern) =>
        DateTime.TryParseExact(value, pattern, _culture, DateTimeStyle, out var parsed) ? parsed.Ticks : null;

    private long? TimestampKey(ReadOnlySpan<char> value, string pattern) =>
        DateTimeOffset.TryParseExact(value, pattern, _culture, TimestampStyle, out var parsed) ? parsed.UtcTicks : null;

    // What a form reads a value as (a day number or ticks), or null when it does not read it.
    private delegate long? KeyReader(ReadOnlySpan<char> value, string pattern);

    private static DateForm[] Forms(IEnumerable<string> patterns) => [.. patterns.Distinct(StringComparer.Ordinal).SelectMany(DateForm.Of)];

    private static bool Declared(bool exact, DateForm[] forms) =>
        exact && forms.Where(f => !f.IsTwin && f.Order != DateOrder.None).Select(f => f.Order).Distinct().Count() <= 1;

    // A culture's own patterns, each also with one-letter day, month and hour (which read one or two digits: 1.2.2024 and 01.02.2024).
    private static IEnumerable<string> CulturePatterns(CultureInfo? culture, params char[] kinds) =>
        culture is null ? [] : kinds.SelectMany(culture.DateTimeFormat.GetAllDateTimePatterns).SelectMany(p => new[] { p, Lenient(p) });

    // Date and time, as written or with an offset after it: the culture's general parser reads both.
    private static IEnumerable<string> CultureDateTimePatterns(CultureInfo? culture) =>
        CulturePatterns(culture, 'g', 'G').SelectMany(p => new[] { p, p + " zzz", p + "K" });

    private static string Lenient(string pattern)
    {
        var lenient = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == pattern[i])
            {
                run++;
            }

            // Only two-letter numeric runs: ddd and MMM are names.
            lenient.Append(pattern[i], run == 2 && pattern[i] is 'd' or 'M' or 'H' or 'h' ? 1 : run);
            i += run - 1;
        }

        return lenient.ToString();
    }
}
