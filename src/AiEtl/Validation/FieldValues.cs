using System.Globalization;
using AiEtl.Internal;

namespace AiEtl;

/// <summary>
/// Brings a dynamic <see cref="Record"/> value, or a constraint of a run-time <see cref="Field"/>, to the one CLR type
/// of its field type (Integer as <see cref="long"/>, Float as <see cref="double"/>, ...), so that values built by a
/// codec, by hand (an <see cref="int"/>) or from text compare alike. A value already of that type is returned as is.
/// </summary>
internal static class FieldValues
{
    /// <summary>Converts <paramref name="value"/> (not null) to the CLR type of <paramref name="type"/>.</summary>
    public static bool TryConvert(FieldType type, object value, out object converted)
    {
        object? result = type switch
        {
            FieldType.Integer => ToInt64(value),
            FieldType.Float => value switch
            {
                double => value,
                float single => (double)single,
                string text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
                _ when IsNumber(value) => Convert.ToDouble(value, CultureInfo.InvariantCulture),
                _ => null,
            },
            FieldType.Decimal => ToDecimal(value),
            FieldType.Boolean => value switch
            {
                bool => value,
                string text => bool.TryParse(text, out var parsed) ? parsed : null,
                _ => null,
            },
            FieldType.Date => value switch
            {
                DateOnly => value,
                DateTime dateTime => DateOnly.FromDateTime(dateTime),
                string text => DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
                _ => null,
            },
            FieldType.Time => value switch
            {
                TimeOnly => value,
                TimeSpan span when span >= TimeSpan.Zero && span < TimeSpan.FromDays(1) => TimeOnly.FromTimeSpan(span),
                string text => TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
                _ => null,
            },
            FieldType.DateTime => value switch
            {
                DateTime => value,
                DateTimeOffset offset => offset.UtcDateTime,
                string text => DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null,
                _ => null,
            },
            FieldType.Timestamp => value switch
            {
                DateTimeOffset => value,
                DateTime dateTime => new DateTimeOffset(dateTime.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dateTime, DateTimeKind.Utc) : dateTime),
                string text => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null,
                _ => null,
            },
            FieldType.Guid => value switch
            {
                Guid => value,
                string text => Guid.TryParse(text, out var parsed) ? parsed : null,
                _ => null,
            },
            _ => value as string ?? Text(value),
        };
        converted = result!;
        return result is not null;
    }

    /// <summary>The value as invariant text in the forms the adapters read (and <see cref="ViolationValues"/> writes).</summary>
    public static string Text(object value) => value switch
    {
        string text => text,
        bool flag => ViolationValues.Format(flag),
        DateOnly date => ViolationValues.Format(date),
        TimeOnly time => ViolationValues.Format(time),
        DateTime dateTime => ViolationValues.Format(dateTime),
        DateTimeOffset offset => ViolationValues.Format(offset),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>What a value of the type looks like, for a <see cref="ValidationRule.Type"/> violation.</summary>
    public static string Describe(FieldType type) => type switch
    {
        FieldType.Integer => "an integer",
        FieldType.Float => "a number",
        FieldType.Decimal => "a decimal number",
        FieldType.Boolean => "a boolean",
        FieldType.Date => "a date",
        FieldType.Time => "a time",
        FieldType.DateTime => "a date-time",
        FieldType.Timestamp => "a timestamp",
        FieldType.Guid => "a GUID",
        FieldType.Json => "JSON",
        FieldType.Array => "an array",
        _ => "text",
    };

    private static bool IsNumber(object value) =>
        value is byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal;

    private static object? ToInt64(object value) => value switch
    {
        long => value,
        int or short or sbyte or byte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ulong number when number <= long.MaxValue => (long)number,
        decimal number when decimal.Truncate(number) == number && number is >= long.MinValue and <= long.MaxValue => (long)number,
        double number when double.IsInteger(number) && number >= long.MinValue && number < long.MaxValue => (long)number,
        float number when float.IsInteger(number) && number >= long.MinValue && number < long.MaxValue => (long)number,
        string text => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        _ => null,
    };

    private static object? ToDecimal(object value)
    {
        switch (value)
        {
            case decimal:
                return value;
            case string text:
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            case double number when !double.IsFinite(number):
            case float single when !float.IsFinite(single):
                return null;
            case var _ when IsNumber(value):
                try
                {
                    return Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                }
                catch (OverflowException)
                {
                    return null;
                }

            default:
                return null;
        }
    }
}
