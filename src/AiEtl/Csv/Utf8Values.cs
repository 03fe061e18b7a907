using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AiEtl.Csv;

/// <summary>
/// Parses field values from UTF-8 bytes with the invariant culture, without allocating: the fast
/// paths read the common ISO formats directly, the rest decode to a stack buffer of characters.
/// </summary>
internal static class Utf8Values
{
    private const int MaxStackChars = 256;
    private const DateTimeStyles DateTimeParseStyles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal;

    public static bool TryParseBoolean(ReadOnlySpan<byte> text, out bool value)
    {
        text = text.Trim(" \t"u8);
        if (text.SequenceEqual("true"u8) || text.SequenceEqual("1"u8) || Ascii.EqualsIgnoreCase(text, "true"u8) || Ascii.EqualsIgnoreCase(text, "yes"u8))
        {
            value = true;
            return true;
        }

        if (text.SequenceEqual("false"u8) || text.SequenceEqual("0"u8) || Ascii.EqualsIgnoreCase(text, "false"u8) || Ascii.EqualsIgnoreCase(text, "no"u8))
        {
            value = false;
            return true;
        }

        value = false;
        return false;
    }

    public static bool TryParseDate(ReadOnlySpan<byte> text, out DateOnly value)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && TryDigits(text[..4], out var year) && TryDigits(text.Slice(5, 2), out var month) && TryDigits(text.Slice(8, 2), out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(year, 1), month) && year >= 1)
        {
            value = new DateOnly(year, month, day);
            return true;
        }

        return WithChars(text, static chars => (DateOnly.TryParse(chars, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed), parsed), out value);
    }

    public static bool TryParseTime(ReadOnlySpan<byte> text, out TimeOnly value) =>
        WithChars(text, static chars => (TimeOnly.TryParse(chars, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed), parsed), out value);

    /// <summary>Parses an ISO-8601 date and time; a value with an offset or <c>Z</c> becomes UTC.</summary>
    public static bool TryParseDateTime(ReadOnlySpan<byte> text, out DateTime value) =>
        WithChars(text, static chars => (DateTime.TryParse(chars, CultureInfo.InvariantCulture, DateTimeParseStyles, out var parsed), parsed), out value);

    public static bool TryParseDateTimeOffset(ReadOnlySpan<byte> text, out DateTimeOffset value) =>
        WithChars(text, static chars => (DateTimeOffset.TryParse(chars, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed), parsed), out value);

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
