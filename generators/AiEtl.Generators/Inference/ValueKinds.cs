using System;
using System.Collections.Generic;
using System.Globalization;

namespace AiEtl.Generators.Inference;

/// <summary>
/// The generator's classifier of one CSV value, for a source with the default options (no culture, no exact formats):
/// the same <see cref="ValueKind"/> as the runtime's <c>ValueKinds.Classify</c> gives such a source, written for
/// netstandard2.0 over characters, as the runtime's reads UTF-8 bytes through <c>Utf8Values</c>. The column rules that
/// decide a type from these kinds are the runtime's own (the linked <see cref="ColumnStats"/>); a test classifies the
/// inference corpus both ways and compares the columns (<c>SampleInferenceAgreementTests</c>).
/// </summary>
/// <remarks>
/// With no culture the runtime reads dates, date-times and times only in ISO forms (its general-parser fallbacks are
/// refused by inference itself, which checks each value against the configured forms), so this covers every value the
/// runtime types; decimal commas are classified alike, but the runtime's second reading with a decimal-comma culture is
/// not made here.
/// </remarks>
internal sealed class ValueKinds
{
    private const int MaxRemembered = 100_000;

    // The runtime's IsoDateTimeForms: ISO shapes its fast path leaves to the general parser.
    private static readonly string[] IsoDateTimeForms =
        ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mmK"];

    private static readonly char[] Digits = "0123456789".ToCharArray();

    private static readonly char[] Hex = ['x', 'X'];

    private static readonly int[] DaysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

    private readonly Dictionary<string, ValueKind> _seen = new(StringComparer.Ordinal);

    /// <summary>Whether exact formats name one day/month order: never, as a sampled record has none.</summary>
    public bool[] DeclaredOrders { get; } = [false, false];

    /// <summary>The kind of <paramref name="value"/>; repeated values are looked up, not parsed again.</summary>
    public ValueKind Of(string value)
    {
        if (_seen.TryGetValue(value, out var known))
        {
            return known;
        }

        var kind = Classify(value);
        if (_seen.Count < MaxRemembered)
        {
            _seen[value] = kind;
        }

        return kind;
    }

    private static ValueKind Classify(string value)
    {
        var text = value.Trim();
        // 1 and 0 are numbers first: the column decides whether they are flags.
        if (text.Length > 0 && !IsDigit(text[0]) && TryBoolean(value))
        {
            return new ValueKind(FieldType.Boolean);
        }

        var digits = text.TrimStart('+', '-');
        var leadingZero = digits.Length > 1 && digits[0] == '0' && IsDigit(digits[1]);
        if (leadingZero && AllDigits(digits))
        {
            return new ValueKind(FieldType.String, Shape: ValueShape.LeadingZeroDigits, Digits: digits.Length);
        }

        if (!leadingZero && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
        {
            var readable = (TryDouble(value, out _) ? ValueKind.Bit(FieldType.Float) : 0) | (TryDecimal(value) ? ValueKind.Bit(FieldType.Decimal) : 0);
            var shape = ValueShape.None;
            if (TryBoolean(value))
            {
                (readable, shape) = (readable | ValueKind.Bit(FieldType.Boolean), ValueShape.ZeroOrOne);
            }
            else if (digits.Length == 4 && whole is >= 1000 and <= 2999 && text.Length == 4)
            {
                shape = ValueShape.Year;
            }

            return new ValueKind(FieldType.Integer, readable, Shape: shape, Digits: digits.Length);
        }

        if (!leadingZero && text.IndexOfAny(Digits) >= 0 && text.IndexOfAny(Hex) < 0 && TryDouble(value, out var number)
            && !double.IsNaN(number) && !double.IsInfinity(number))
        {
            var (before, after) = NumberWidths(text);
            return new ValueKind(FieldType.Float, TryDecimal(value) ? ValueKind.Bit(FieldType.Decimal) : 0, Decimals: after, Digits: before);
        }

        // Without a culture the source reads 1,234.50 only as a decimal; 3,5 and 1.234,5 only make sense with a decimal comma.
        if (!leadingZero && NumberText.IsCommaGrouped(text.AsSpan()) && TryDecimal(value))
        {
            var (before, after) = NumberWidths(text);
            return new ValueKind(FieldType.Decimal, Grouped: true, Decimals: after, Digits: before);
        }

        if (NumberText.IsDecimalComma(text.AsSpan()))
        {
            return new ValueKind(FieldType.String, Shape: ValueShape.DecimalComma);
        }

        if (NumberText.IsYearMonth(text.AsSpan()))
        {
            return new ValueKind(FieldType.String, Shape: ValueShape.YearMonth);
        }

        if (text.IndexOfAny(Digits) < 0)
        {
            return Other(text);
        }

        if (value.Length == 10 && TryIsoDate(value, 0))
        {
            return new ValueKind(FieldType.Date, ValueKind.Bit(FieldType.DateTime));
        }

        if (TryDateTime(value, out var dateTimeKind))
        {
            return new ValueKind(dateTimeKind);
        }

        return TryIsoTime(value, 0, value.Length, out _) ? new ValueKind(FieldType.Time) : Other(text);
    }

    // What Utf8Values.TryParseBoolean reads: true/false, yes/no, their first letters (any case) and 1/0.
    private static bool TryBoolean(string value)
    {
        var text = value.Trim(' ', '\t');
        return text is "1" or "0"
            || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)
            || string.Equals(text, "yes", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "no", StringComparison.OrdinalIgnoreCase)
            || string.Equals(text, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "n", StringComparison.OrdinalIgnoreCase)
            || string.Equals(text, "t", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "f", StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryDouble(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    // What Utf8Values.TryParseDecimal reads: NumberStyles.Number, a group separator only between groups of three digits.
    private static bool TryDecimal(string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) && GroupsAreWellFormed(value);

    // NumberGroups.AreWellFormed with ',' groups and a '.' decimal separator.
    private static bool GroupsAreWellFormed(string text)
    {
        if (text.IndexOf(',') < 0)
        {
            return true;
        }

        var decimalAt = text.IndexOf('.');
        var integerPart = decimalAt < 0 ? text : text.Substring(0, decimalAt);
        var exponentAt = integerPart.IndexOfAny(['e', 'E']);
        integerPart = exponentAt < 0 ? integerPart : integerPart.Substring(0, exponentAt);
        var groups = integerPart.Split(',');
        if (groups.Length == 1)
        {
            return false;
        }

        for (var i = 0; i < groups.Length; i++)
        {
            var count = 0;
            foreach (var c in groups[i])
            {
                count += IsDigit(c) ? 1 : 0;
            }

            if (i == 0 ? count is < 1 or > 3 : count != 3 || groups[i].Length != 3)
            {
                return false;
            }
        }

        return true;
    }

    // The digits before and after the decimal point of a plain number (after: -1 with an exponent).
    private static (int Before, int After) NumberWidths(string text)
    {
        if (text.IndexOfAny(['e', 'E']) >= 0)
        {
            return (0, -1);
        }

        var separator = text.LastIndexOf('.');
        var before = 0;
        for (var i = 0; i < (separator < 0 ? text.Length : separator); i++)
        {
            before += IsDigit(text[i]) ? 1 : 0;
        }

        return (before, separator < 0 ? 0 : text.Length - separator - 1);
    }

    private static ValueKind Other(string text)
    {
        if (text.Length == 36 && Guid.TryParseExact(text, "D", out _))
        {
            return new ValueKind(FieldType.Guid);
        }

        if (text.Length >= 2 && ((text[0] == '{' && text[text.Length - 1] == '}') || (text[0] == '[' && text[text.Length - 1] == ']')) && JsonText.IsValid(text))
        {
            return new ValueKind(FieldType.Json);
        }

        return new ValueKind(FieldType.String);
    }

    // The ISO shapes the runtime's fast path reads (yyyy-MM-ddTHH:mm[:ss[.f]] with a T or a space, and Z or ±hh:mm), then
    // the forms it leaves to DateTime.TryParseExact: a timestamp when an offset is written, otherwise a date-time.
    private static bool TryDateTime(string value, out FieldType kind)
    {
        kind = FieldType.String;
        if (value.Length >= 19 && value[10] is 'T' or ' ' && TryIsoDate(value, 0))
        {
            var end = value.IndexOfAny(['Z', '+', '-'], 11);
            if (TryIsoTime(value, 11, (end < 0 ? value.Length : end) - 11, out _) && (end < 0 || IsZone(value.Substring(end))))
            {
                kind = end < 0 ? FieldType.DateTime : FieldType.Timestamp;
                return true;
            }
        }

        // Every form starts with the year: a value that does not start with a digit is none of them.
        if (value.TrimStart() is not { Length: > 0 } start || !IsDigit(start[0]))
        {
            return false;
        }

        foreach (var form in IsoDateTimeForms)
        {
            if (DateTime.TryParseExact(value, form, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var parsed))
            {
                kind = parsed.Kind == DateTimeKind.Unspecified ? FieldType.DateTime : FieldType.Timestamp;
                return true;
            }
        }

        return false;
    }

    private static bool IsZone(string zone) =>
        zone == "Z"
        || (zone.Length == 6 && zone[3] == ':' && TryDigits(zone, 1, 2, out var hours) && TryDigits(zone, 4, 2, out var minutes) && hours <= 14 && minutes <= 59);

    // A valid yyyy-MM-dd at start.
    private static bool TryIsoDate(string text, int start)
    {
        if (text.Length < start + 10 || text[start + 4] != '-' || text[start + 7] != '-'
            || !TryDigits(text, start, 4, out var year) || !TryDigits(text, start + 5, 2, out var month) || !TryDigits(text, start + 8, 2, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1)
        {
            return false;
        }

        var leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        return day <= DaysBeforeMonth[month] - DaysBeforeMonth[month - 1] + (leap && month == 2 ? 1 : 0);
    }

    // HH:mm or HH:mm:ss with an optional fraction of up to seven digits, as Utf8Values.TryParseIsoTime reads it.
    private static bool TryIsoTime(string text, int start, int length, out long ticks)
    {
        ticks = 0;
        if ((length != 5 && length < 8) || text[start + 2] != ':'
            || !TryDigits(text, start, 2, out var hours) || !TryDigits(text, start + 3, 2, out var minutes) || hours > 23 || minutes > 59)
        {
            return false;
        }

        var seconds = 0;
        var fraction = 0L;
        if (length > 5)
        {
            if (text[start + 5] != ':' || !TryDigits(text, start + 6, 2, out seconds) || seconds > 59)
            {
                return false;
            }

            if (length > 8)
            {
                var digits = length - 9;
                if (text[start + 8] != '.' || digits is 0 or > 7 || !TryDigits(text, start + 9, digits, out var value))
                {
                    return false;
                }

                fraction = value;
                for (var i = digits; i < 7; i++)
                {
                    fraction *= 10;
                }
            }
        }

        ticks = (hours * TimeSpan.TicksPerHour) + (minutes * TimeSpan.TicksPerMinute) + (seconds * TimeSpan.TicksPerSecond) + fraction;
        return true;
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }

    private static bool AllDigits(string text)
    {
        foreach (var c in text)
        {
            if (!IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
