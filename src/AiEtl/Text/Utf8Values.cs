using System.Buffers.Text;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace AiEtl;

/// <summary>
/// Parses field values from UTF-8 bytes with the invariant culture, without allocating: the fast
/// paths read the common ISO formats directly, the rest decode to a stack buffer of characters.
/// </summary>
internal static class Utf8Values
{
    private const int MaxStackChars = 256;
    private const DateTimeStyles DateTimeParseStyles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal;

    /// <summary>Reads true/false, yes/no, their first letters (Y/N, T/F, any case) and 1/0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseBoolean(ReadOnlySpan<byte> text, out bool value)
    {
        text = text.Trim(" \t"u8);
        if (text.SequenceEqual("true"u8) || text.SequenceEqual("1"u8) || Ascii.EqualsIgnoreCase(text, "true"u8) || Ascii.EqualsIgnoreCase(text, "yes"u8)
            || Ascii.EqualsIgnoreCase(text, "y"u8) || Ascii.EqualsIgnoreCase(text, "t"u8))
        {
            value = true;
            return true;
        }

        if (text.SequenceEqual("false"u8) || text.SequenceEqual("0"u8) || Ascii.EqualsIgnoreCase(text, "false"u8) || Ascii.EqualsIgnoreCase(text, "no"u8)
            || Ascii.EqualsIgnoreCase(text, "n"u8) || Ascii.EqualsIgnoreCase(text, "f"u8))
        {
            value = false;
            return true;
        }

        value = false;
        return false;
    }

    /// <summary>
    /// Decodes UTF-8 as <see cref="Encoding.UTF8"/> does. ASCII, the common case, decodes to the same characters as
    /// Latin-1, which copies the bytes without UTF-8's checks (about 3 ns less for a short field).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string GetString(ReadOnlySpan<byte> text) =>
        Ascii.IsValid(text) ? Encoding.Latin1.GetString(text) : Encoding.UTF8.GetString(text);

    /// <summary>
    /// Parses a decimal as <c>decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture)</c> does,
    /// reading the common plain shape directly, except that a group separator must sit between groups of three digits:
    /// <c>1,234.5</c> is read, <c>1,5</c> (a decimal comma) is an error, not fifteen.
    /// </summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> text, out decimal value)
    {
        if (TryParsePlainDecimal(text, out value))
        {
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value) && NumberGroups.AreWellFormed(text, ","u8, "."u8))
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>
    /// The fast path of <see cref="TryParseDecimal"/> alone: <c>[-+]?digits[.digits]</c> with at most 18 digits, built from
    /// the digits as a whole number and the count of digits after the point, which is the value and the scale
    /// <see cref="decimal.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out decimal)"/> gives (<c>1.50</c>
    /// keeps scale 2, <c>-0</c> keeps its sign). Anything else (whitespace, separators, exponents, a point without digits
    /// on both sides, more digits) is declined.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParsePlainDecimal(ReadOnlySpan<byte> text, out decimal value)
    {
        const int MaxDigits = 18;
        value = default;
        var position = 0;
        var negative = false;
        if (text.Length > 0 && text[0] is (byte)'-' or (byte)'+')
        {
            negative = text[0] == '-';
            position = 1;
        }

        var mantissa = 0L;
        var start = position;
        while (position < text.Length && (uint)(text[position] - '0') <= 9)
        {
            mantissa = (mantissa * 10) + (text[position] - '0');
            position++;
        }

        var digits = position - start;
        if (digits == 0 || digits > MaxDigits)
        {
            return false;
        }

        var scale = 0;
        if (position < text.Length)
        {
            if (text[position] != '.')
            {
                return false;
            }

            start = ++position;
            while (position < text.Length && (uint)(text[position] - '0') <= 9)
            {
                mantissa = (mantissa * 10) + (text[position] - '0');
                position++;
            }

            scale = position - start;
            if (scale == 0 || digits + scale > MaxDigits || position != text.Length)
            {
                return false;
            }
        }

        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)scale);
        return true;
    }

    public static bool TryParseDate(ReadOnlySpan<byte> text, out DateOnly value) =>
        TryParseIsoDate(text, out value)
        || (WithChars(text, static chars => (DateOnly.TryParse(chars, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed), parsed), out value)
            && !DayAndMonthCouldSwap(text));

    public static bool TryParseTime(ReadOnlySpan<byte> text, out TimeOnly value)
    {
        if (TryParseIsoTime(text, out var ticks))
        {
            value = new TimeOnly(ticks);
            return true;
        }

        return WithChars(text, static chars => (TimeOnly.TryParse(chars, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed), parsed), out value);
    }

    /// <summary>Parses an ISO-8601 date and time; a value with an offset or <c>Z</c> becomes UTC.</summary>
    public static bool TryParseDateTime(ReadOnlySpan<byte> text, out DateTime value) =>
        TryParseIsoDateTime(text, out value)
        || (WithChars(text, static chars => (DateTime.TryParse(chars, CultureInfo.InvariantCulture, DateTimeParseStyles, out var parsed), parsed), out value)
            && !DayAndMonthCouldSwap(text));

    public static bool TryParseDateTimeOffset(ReadOnlySpan<byte> text, out DateTimeOffset value) =>
        TryParseIsoDateTimeOffset(text, out value)
        || (WithChars(text, static chars => (DateTimeOffset.TryParse(chars, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed), parsed), out value)
            && !DayAndMonthCouldSwap(text));

    /// <summary>
    /// Whether a date the invariant culture read month first (<c>01/02/2024</c>: 2 January) starts with two different
    /// numbers that could each be the month (1 February). Such a value is refused: a file written day first would
    /// otherwise be read wrongly without an error. Year-first forms (<c>2024/01/02</c>), month names and dates whose
    /// order shows (<c>01/13/2024</c>) are not ambiguous.
    /// </summary>
    internal static bool DayAndMonthCouldSwap(ReadOnlySpan<byte> text)
    {
        text = text.TrimStart(" \t"u8);
        if (!TryLeadingNumber(ref text, out var first) || text.IsEmpty || text[0] is not ((byte)'/' or (byte)'.' or (byte)'-'))
        {
            return false;
        }

        text = text[1..];
        return TryLeadingNumber(ref text, out var second) && first != second && first is >= 1 and <= 12 && second is >= 1 and <= 12;
    }

    // One or two digits at the start of text, which moves past them.
    private static bool TryLeadingNumber(ref ReadOnlySpan<byte> text, out int number)
    {
        var digits = text.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        if (digits < 0)
        {
            digits = text.Length;
        }

        number = digits is 1 or 2 ? int.Parse(text[..digits], CultureInfo.InvariantCulture) : 0;
        text = text[digits..];
        return digits is 1 or 2;
    }

    /// <summary>The fast path of <see cref="TryParseDateTime"/> alone: the common ISO-8601 shapes, nothing the invariant culture guesses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParseIsoDateTime(ReadOnlySpan<byte> text, out DateTime value)
    {
        if (TryParseIsoDateTime(text, out var local, out var offset))
        {
            if (offset is null)
            {
                value = local;
                return true;
            }

            var utcTicks = local.Ticks - offset.Value.Ticks;
            if (utcTicks >= DateTime.MinValue.Ticks && utcTicks <= DateTime.MaxValue.Ticks)
            {
                value = new DateTime(utcTicks, DateTimeKind.Utc);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The largest offset a <see cref="DateTimeOffset"/> holds; the ISO readers take zone minutes to 14:59.</summary>
    internal static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    /// <summary>The fast path of <see cref="TryParseDateTimeOffset"/> alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParseIsoDateTimeOffset(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        // The readers take offsets to 14:59, a DateTimeOffset only to 14:00 (it would throw): beyond that, refused.
        if (TryParseIsoDateTime(text, out var local, out var offset) && (offset is not { } zone || zone.Duration() <= MaxOffset))
        {
            var utcTicks = local.Ticks - (offset?.Ticks ?? 0);
            if (utcTicks >= DateTime.MinValue.Ticks && utcTicks <= DateTime.MaxValue.Ticks)
            {
                value = new DateTimeOffset(local, offset ?? TimeSpan.Zero);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The fast path for <c>yyyy-MM-dd</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParseIsoDate(ReadOnlySpan<byte> text, out DateOnly value)
    {
        if (text.Length == 10 && TryReadIsoDate(text, out var dayNumber))
        {
            value = DateOnly.FromDayNumber(dayNumber);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>A valid date written <c>yyyy-MM-dd</c> at the start of <paramref name="text"/>: the days since 0001-01-01, as <see cref="DateOnly.DayNumber"/> counts them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadIsoDate(ReadOnlySpan<byte> text, out int dayNumber)
    {
        dayNumber = 0;
        if (text.Length < 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        var year = (Digit(text[0]) * 1000) + (Digit(text[1]) * 100) + (Digit(text[2]) * 10) + Digit(text[3]);
        var month = (Digit(text[5]) * 10) + Digit(text[6]);
        var day = (Digit(text[8]) * 10) + Digit(text[9]);

        // A byte that is not a digit makes its Digit negative, and so its field negative.
        if ((year | month | day) < 0 || year < 1 || (uint)(month - 1) > 11 || day < 1)
        {
            return false;
        }

        var leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        if (day > DaysBeforeMonth[month] - DaysBeforeMonth[month - 1] + (leap && month == 2 ? 1 : 0))
        {
            return false;
        }

        var before = year - 1;
        dayNumber = (before * 365) + (before / 4) - (before / 100) + (before / 400) + DaysBeforeMonth[month - 1] + (leap && month > 2 ? 1 : 0) + day - 1;
        return true;
    }

    /// <summary>
    /// The fast path for the common ISO-8601 shapes: <c>yyyy-MM-ddTHH:mm:ss</c> (or a space for the <c>T</c>), an optional
    /// fraction of up to seven digits, and an optional <c>Z</c> or <c>±hh:mm</c>; the time as written (kind unspecified)
    /// and the offset, <see langword="null"/> when there is none. Anything else is left to the general parser.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseIsoDateTime(ReadOnlySpan<byte> text, out DateTime local, out TimeSpan? offset) =>
        TryParseFixedIsoDateTime(text, out local, out offset) || TryParseSlicedIsoDateTime(text, out local, out offset);

    /// <summary>
    /// <see cref="TryParseIsoDateTime(ReadOnlySpan{byte}, out DateTime, out TimeSpan?)"/> by its parts: every shape it
    /// accepts, among them those the fixed positions of <see cref="TryParseFixedIsoDateTime"/> decline.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParseSlicedIsoDateTime(ReadOnlySpan<byte> text, out DateTime local, out TimeSpan? offset)
    {
        local = default;
        offset = null;
        if (text.Length < 19 || (text[10] != 'T' && text[10] != ' ') || !TryParseIsoDate(text[..10], out var date))
        {
            return false;
        }

        var time = text[11..];
        var end = time.IndexOfAny("Z+-"u8);
        if (!TryParseIsoTime(end < 0 ? time : time[..end], out var ticks))
        {
            return false;
        }

        if (end >= 0)
        {
            var zone = time[end..];
            if (zone.Length == 1 && zone[0] == 'Z')
            {
                offset = TimeSpan.Zero;
            }
            else if (zone.Length == 6 && zone[3] == ':' && TryDigits(zone.Slice(1, 2), out var hours) && TryDigits(zone.Slice(4, 2), out var minutes)
                && hours <= 14 && minutes <= 59)
            {
                var span = new TimeSpan(hours, minutes, 0);
                offset = zone[0] == '-' ? -span : span;
            }
            else
            {
                return false;
            }
        }

        local = new DateTime((date.DayNumber * TimeSpan.TicksPerDay) + ticks, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>
    /// The commonest shapes of <see cref="TryParseIsoDateTime(ReadOnlySpan{byte}, out DateTime, out TimeSpan?)"/> read at
    /// fixed positions: <c>yyyy-MM-ddTHH:mm:ss</c> (or a space for the <c>T</c>), an optional fraction of one to seven
    /// digits, and an optional <c>Z</c> or <c>±hh:mm</c>. What it accepts, the general ISO path accepts with the same
    /// result; anything else it declines and leaves to that path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParseFixedIsoDateTime(ReadOnlySpan<byte> text, out DateTime local, out TimeSpan? offset)
    {
        local = default;
        offset = null;
        if (text.Length < 19 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':' || !TryReadIsoDate(text, out var dayNumber))
        {
            return false;
        }

        var hours = (Digit(text[11]) * 10) + Digit(text[12]);
        var minutes = (Digit(text[14]) * 10) + Digit(text[15]);
        var seconds = (Digit(text[17]) * 10) + Digit(text[18]);
        if ((hours | minutes | seconds) < 0 || hours > 23 || minutes > 59 || seconds > 59)
        {
            return false;
        }

        var ticks = (hours * TimeSpan.TicksPerHour) + (minutes * TimeSpan.TicksPerMinute) + (seconds * TimeSpan.TicksPerSecond);
        var position = 19;
        if (position < text.Length && text[position] == '.')
        {
            var fraction = 0L;
            var digits = 0;
            while (++position < text.Length && Digit(text[position]) >= 0)
            {
                fraction = (fraction * 10) + Digit(text[position]);
                digits++;
            }

            if (digits is 0 or > 7)
            {
                return false;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }

            ticks += fraction;
        }

        var zone = text[position..];
        if (zone.Length == 1 && zone[0] == 'Z')
        {
            offset = TimeSpan.Zero;
        }
        else if (zone.Length == 6 && zone[0] is (byte)'+' or (byte)'-' && zone[3] == ':')
        {
            var zoneHours = (Digit(zone[1]) * 10) + Digit(zone[2]);
            var zoneMinutes = (Digit(zone[4]) * 10) + Digit(zone[5]);
            if ((zoneHours | zoneMinutes) < 0 || zoneHours > 14 || zoneMinutes > 59)
            {
                return false;
            }

            var span = new TimeSpan(zoneHours, zoneMinutes, 0);
            offset = zone[0] == '-' ? -span : span;
        }
        else if (zone.Length != 0)
        {
            return false;
        }

        local = new DateTime((dayNumber * TimeSpan.TicksPerDay) + ticks, DateTimeKind.Unspecified);
        return true;
    }

    // Days of a common year before each month, and the year's total.
    private static ReadOnlySpan<short> DaysBeforeMonth => [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

    // The value of a digit, or a negative number large enough to make any field it is part of negative.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digit(byte b) => (uint)(b - '0') <= 9 ? b - '0' : -100_000;

    /// <summary>The fast path for <c>HH:mm</c> and <c>HH:mm:ss</c> with an optional fraction of up to seven digits: the ticks since midnight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParseIsoTime(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        if ((text.Length != 5 && text.Length < 8) || text[2] != ':'
            || !TryDigits(text[..2], out var hours) || !TryDigits(text.Slice(3, 2), out var minutes) || hours > 23 || minutes > 59)
        {
            return false;
        }

        var seconds = 0;
        var fraction = 0L;
        if (text.Length > 5)
        {
            if (text[5] != ':' || !TryDigits(text.Slice(6, 2), out seconds) || seconds > 59)
            {
                return false;
            }

            if (text.Length > 8)
            {
                var digits = text[9..];
                if (text[8] != '.' || digits.Length is 0 or > 7 || !TryDigits(digits, out var value))
                {
                    return false;
                }

                fraction = value;
                for (var i = digits.Length; i < 7; i++)
                {
                    fraction *= 10;
                }
            }
        }

        ticks = (hours * TimeSpan.TicksPerHour) + (minutes * TimeSpan.TicksPerMinute) + (seconds * TimeSpan.TicksPerSecond) + fraction;
        return true;
    }

    public static bool TryParseGuid(ReadOnlySpan<byte> text, out Guid value) =>
        Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length
        || WithChars(text, static chars => (Guid.TryParse(chars, out var parsed), parsed), out value);

    public static bool TryParseEnum<TEnum>(ReadOnlySpan<byte> text, out TEnum value)
        where TEnum : struct, Enum =>
        WithChars(text, static chars => (Enum.TryParse<TEnum>(chars.Trim(), ignoreCase: true, out var parsed), parsed), out value);

    public static bool IsValidJson(ReadOnlySpan<byte> text)
    {
        try
        {
            var reader = new Utf8JsonReader(text);
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            var digit = b - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private delegate (bool Ok, TValue Value) CharParser<TValue>(ReadOnlySpan<char> chars);

    /// <summary>A parser of characters that needs the source's formats; a static lambda, so no delegate is allocated per call.</summary>
    internal delegate (bool Ok, TValue Value) CharParser<TState, TValue>(ReadOnlySpan<char> chars, TState state);

    /// <summary>Decodes <paramref name="text"/> to a stack buffer of characters and parses them with <paramref name="state"/>.</summary>
    internal static bool WithChars<TState, TValue>(ReadOnlySpan<byte> text, TState state, CharParser<TState, TValue> parse, out TValue value)
    {
        var length = Encoding.UTF8.GetMaxCharCount(text.Length);
        var chars = length <= MaxStackChars ? stackalloc char[MaxStackChars] : new char[length];
        if (!Encoding.UTF8.TryGetChars(text, chars, out var written))
        {
            value = default!;
            return false;
        }

        (var ok, value) = parse(chars[..written], state);
        return ok;
    }

    private static bool WithChars<TValue>(ReadOnlySpan<byte> text, CharParser<TValue> parse, out TValue value)
    {
        var length = Encoding.UTF8.GetMaxCharCount(text.Length);
        var chars = length <= MaxStackChars ? stackalloc char[MaxStackChars] : new char[length];
        if (!Encoding.UTF8.TryGetChars(text, chars, out var written))
        {
            value = default!;
            return false;
        }

        (var ok, value) = parse(chars[..written]);
        return ok;
    }
}
