using System.Globalization;
using System.Text.Json;

namespace AiEtl.Inference;

/// <summary>The most specific field type one text value parses as.</summary>
internal static class ValueKinds
{
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm"];
    private static readonly string[] TimestampFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];

    public static FieldType Of(string value)
    {
        var text = value.AsSpan().Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase)
            || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return FieldType.Boolean;
        }

        // A leading zero (a zip code, a phone number) is text: reading it as a number would lose the zero.
        var digits = text.TrimStart("+-");
        var leadingZero = digits.Length > 1 && digits[0] == '0' && char.IsAsciiDigit(digits[1]);
        if (!leadingZero && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return FieldType.Integer;
        }

        if (!leadingZero && text.ContainsAny("0123456789") && !text.ContainsAny("xX")
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return FieldType.Float;
        }

        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return FieldType.Date;
        }

        if (text.Length >= 16 && text[4] == '-')
        {
            if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return FieldType.DateTime;
            }

            if (DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return FieldType.Timestamp;
            }
        }

        if (text.Length == 36 && Guid.TryParseExact(text, "D", out _))
        {
            return FieldType.Guid;
        }

        if (text.Length >= 2 && ((text[0] == '{' && text[^1] == '}') || (text[0] == '[' && text[^1] == ']')) && IsJson(value))
        {
            return FieldType.Json;
        }

        return FieldType.String;
    }

    /// <summary>The type a column of two kinds widens to, or null when they do not mix.</summary>
    public static FieldType? Widen(FieldType a, FieldType b) => (a, b) switch
    {
        _ when a == b => a,
        (FieldType.Integer, FieldType.Float) or (FieldType.Float, FieldType.Integer) => FieldType.Float,
        (FieldType.Date, FieldType.DateTime) or (FieldType.DateTime, FieldType.Date) => FieldType.DateTime,
        _ => null,
    };

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
