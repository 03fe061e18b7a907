using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiEtl.Generators;

/// <summary>
/// Converts values written in constraint attributes (<c>[ValueRange]</c>, <c>[OneOf]</c>) to a field's type when the
/// record is compiled, so that a value the field cannot hold is a diagnostic, not a run-time surprise.
/// </summary>
internal static class ConstantConverter
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss.FFFFFFF"];

    /// <summary>
    /// Converts <paramref name="value"/> (a constant from an attribute) to <paramref name="kind"/>; returns
    /// <see langword="false"/> when the field cannot hold it.
    /// </summary>
    /// <param name="value">The constant.</param>
    /// <param name="kind">The field's kind.</param>
    /// <param name="enumType">For <see cref="FieldValueKind.Enum"/>, the enum type.</param>
    /// <param name="spec">The value as an expression and as text.</param>
    /// <param name="comparable">The value as something ordered (for a range's bounds), or <see langword="null"/> for kinds without an order.</param>
    public static bool TryConvert(TypedConstant value, FieldValueKind kind, ITypeSymbol? enumType, out ConstantSpec spec, out IComparable? comparable)
    {
        spec = null!;
        comparable = null;
        if (value.IsNull || value.Kind is TypedConstantKind.Error or TypedConstantKind.Array or TypedConstantKind.Type)
        {
            return false;
        }

        if (value.Kind == TypedConstantKind.Enum)
        {
            return kind == FieldValueKind.Enum && TryConvertEnum(value, enumType, out spec);
        }

        var raw = value.Value;
        switch (kind)
        {
            case FieldValueKind.String when raw is string text:
                spec = new ConstantSpec(Literal(text), text);
                return true;
            case FieldValueKind.Enum when raw is string name:
                return TryConvertEnumName(name, enumType, out spec);
            case FieldValueKind.Boolean when raw is bool flag:
                spec = new ConstantSpec(flag ? "true" : "false", flag ? "true" : "false");
                return true;
            case FieldValueKind.Int16:
                return TryInteger(raw, short.MinValue, short.MaxValue, "(short)", string.Empty, out spec, out comparable);
            case FieldValueKind.Int32:
                return TryInteger(raw, int.MinValue, int.MaxValue, string.Empty, string.Empty, out spec, out comparable);
            case FieldValueKind.Int64:
                return TryInteger(raw, long.MinValue, long.MaxValue, string.Empty, "L", out spec, out comparable);
            case FieldValueKind.Single:
                return TrySingle(raw, out spec, out comparable);
            case FieldValueKind.Double:
                return TryDouble(raw, out spec, out comparable);
            case FieldValueKind.Decimal:
                return TryDecimal(raw, out spec, out comparable);
            case FieldValueKind.Date when raw is string text:
                return TryDate(text, out spec, out comparable);
            case FieldValueKind.Time when raw is string text:
                return TryTime(text, out spec, out comparable);
            case FieldValueKind.DateTime when raw is string text:
                return TryDateTime(text, out spec, out comparable);
            case FieldValueKind.DateTimeOffset when raw is string text:
                return TryDateTimeOffset(text, out spec, out comparable);
            case FieldValueKind.Guid when raw is string text && Guid.TryParse(text, out var guid):
                var canonical = guid.ToString("D");
                spec = new ConstantSpec("new global::System.Guid(" + Literal(canonical) + ")", canonical);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether a field of <paramref name="kind"/> can hold a compile-time constant, so that <c>is</c> patterns can test it.</summary>
    public static bool IsConstantKind(FieldValueKind kind) =>
        kind is FieldValueKind.String or FieldValueKind.Enum or FieldValueKind.Boolean or FieldValueKind.Int16 or FieldValueKind.Int32 or FieldValueKind.Int64
            or FieldValueKind.Single or FieldValueKind.Double or FieldValueKind.Decimal;

    private static bool TryConvertEnum(TypedConstant value, ITypeSymbol? enumType, out ConstantSpec spec)
    {
        spec = null!;
        if (enumType is null || !SymbolEqualityComparer.Default.Equals(value.Type, enumType))
        {
            return false;
        }

        var member = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(field => field.HasConstantValue && Equals(field.ConstantValue, value.Value));
        return member is not null && TryConvertEnumName(member.Name, enumType, out spec);
    }

    private static bool TryConvertEnumName(string name, ITypeSymbol? enumType, out ConstantSpec spec)
    {
        spec = null!;
        if (enumType is null || !enumType.GetMembers(name).OfType<IFieldSymbol>().Any(field => field.HasConstantValue))
        {
            return false;
        }

        spec = new ConstantSpec(enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + Identifiers.Escape(name), name);
        return true;
    }

    private static bool TryInteger(object? raw, long min, long max, string prefix, string suffix, out ConstantSpec spec, out IComparable? comparable)
    {
        spec = null!;
        comparable = null;
        long number;
        switch (raw)
        {
            case sbyte or byte or short or ushort or int or uint or long or char:
                number = Convert.ToInt64(raw, CultureInfo.InvariantCulture);
                break;
            case ulong unsigned when unsigned <= long.MaxValue:
                number = (long)unsigned;
                break;
            case double or float:
                var real = Convert.ToDouble(raw, CultureInfo.InvariantCulture);
                if (real != Math.Floor(real) || real < -9.2233720368547758E+18 || real >= 9.2233720368547758E+18)
                {
                    return false;
                }

                number = (long)real;
                break;
            case string text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                number = parsed;
                break;
            default:
                return false;
        }

        if (number < min || number > max)
        {
            return false;
        }

        var digits = number.ToString(CultureInfo.InvariantCulture);
        spec = new ConstantSpec(prefix + digits + suffix, digits);
        comparable = number;
        return true;
    }

    private static bool TryGetReal(object? raw, out double real)
    {
        switch (raw)
        {
            case sbyte or byte or short or ushort or int or uint or long or ulong or float or double:
                real = Convert.ToDouble(raw, CultureInfo.InvariantCulture);
                return true;
            case string text:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out real);
            default:
                real = 0;
                return false;
        }
    }

    private static bool TrySingle(object? raw, out ConstantSpec spec, out IComparable? comparable)
    {
        spec = null!;
        comparable = null;
        if (!TryGetReal(raw, out var real) || double.IsNaN(real) || double.IsInfinity((float)real))
        {
            return false;
        }

        var single = (float)real;
        var text = single.ToString("R", CultureInfo.InvariantCulture);
        spec = new ConstantSpec(text + "f", text);
        comparable = (double)single;
        return true;
    }

    private static bool TryDouble(object? raw, out ConstantSpec spec, out IComparable? comparable)
    {
        spec = null!;
        comparable = null;
        if (!TryGetReal(raw, out var real) || double.IsNaN(real) || double.IsInfinity(real))
        {
            return false;
        }

        var text = real.ToString("R", CultureInfo.InvariantCulture);
        spec = new ConstantSpec(text + "d", text);
        comparable = real;
        return true;
    }

    private static bool TryDecimal(object? raw, out ConstantSpec spec, out IComparable? comparable)
    {
        spec = null!;
        comparable = null;
        decimal number;
        switch (raw)
        {
            case sbyte or byte or short or ushort or int or uint or long or ulong:
                number = Convert.ToDecimal(raw, CultureInfo.InvariantCulture);
                break;
            case float or double:
                var real = Convert.ToDouble(raw, CultureInfo.InvariantCulture);
                if (double.IsNaN(real) || double.IsInfinity(real)
                    || !decimal.TryParse(real.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
                {
                    return false;
                }

                break;
            case string text when decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed):
                number = parsed;
                break;
            default:
                return false;
        }

        var digits = number.ToString(CultureInfo.InvariantCulture);
        spec = new ConstantSpec(digits + "m", digits);
        comparable = number;
        return true;
    }

    private static bool TryDate(string text, out ConstantSpec spec, out IComparable? comparable)
    {
        spec = null!;
        comparable = null;
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        spec = new ConstantSpec(
            "new global::System.DateOnly(" + Numbers(date.Year, date.Month, date.Day) + ")",
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        comparable = date.Ticks;
        return true;
    }

    private static bool TryTime(string text, out ConstantSpec spec, out IComparable? comparable)
    {
        spec = null!;
        comparable = null;
        if (!DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        var time = parsed.TimeOfDay;
        var expression = time.Ticks % TimeSpan.TicksPerSecond == 0
            ? "new global::System.TimeOnly(" + Numbers(time.Hours, time.Minutes, time.Seconds) + ")"
            : time.Ticks % TimeSpan.TicksPerMillisecond == 0
                ? "new global::System.TimeOnly(" + Numbers(time.Hours, time.Minutes, time.Seconds, time.Milliseconds) + ")"
                : "new global::System.TimeOnly(" + time.Ticks.ToString(CultureInfo.InvariantCulture) + "L)";
        spec = new ConstantSpec(expression, new DateTime(time.Ticks).ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'));
        comparable = time.Ticks;
        return true;
    }

    private static bool TryDateTime(string text, out ConstantSpec spec, out IComparable? comparable)
    {
        spec = null!;
        comparable = null;
        if (!DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value))
        {
            return false;
        }

        // An offset in the text makes the value UTC, as the adapters read such values.
        if (value.Kind == DateTimeKind.Local)
        {
            value = value.ToUniversalTime();
        }

        var kind = value.Kind == DateTimeKind.Utc ? ", global::System.DateTimeKind.Utc" : string.Empty;
        var expression = value.Ticks % TimeSpan.TicksPerMillisecond != 0
            ? "new global::System.DateTime(" + value.Ticks.ToString(CultureInfo.InvariantCulture) + "L" + kind + ")"
            : "new global::System.DateTime(" + Numbers(DateParts(value)) + kind + ")";
        spec = new ConstantSpec(
            expression,
            value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.') + (value.Kind == DateTimeKind.Utc ? "Z" : string.Empty));
        comparable = value.Ticks;
        return true;
    }

    private static bool TryDateTimeOffset(string text, out ConstantSpec spec, out IComparable? comparable)
    {
        spec = null!;
        comparable = null;
        if (!DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return false;
        }

        var offset = value.Offset == TimeSpan.Zero
            ? "global::System.TimeSpan.Zero"
            : "global::System.TimeSpan.FromMinutes(" + ((long)value.Offset.TotalMinutes).ToString(CultureInfo.InvariantCulture) + ")";
        var expression = value.Ticks % TimeSpan.TicksPerMillisecond != 0
            ? "new global::System.DateTimeOffset(" + value.Ticks.ToString(CultureInfo.InvariantCulture) + "L, " + offset + ")"
            : "new global::System.DateTimeOffset(" + Numbers(DateParts(value.DateTime)) + ", " + offset + ")";
        spec = new ConstantSpec(expression, value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.') + value.ToString("zzz", CultureInfo.InvariantCulture));
        comparable = value.UtcTicks;
        return true;
    }

    /// <summary>Year to second, and the millisecond when it is not zero: the arguments of a <c>DateTime</c> constructor.</summary>
    private static int[] DateParts(DateTime value) => value.Millisecond == 0
        ? [value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second]
        : [value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second, value.Millisecond];

    private static string Numbers(params int[] numbers) => string.Join(", ", numbers.Select(number => number.ToString(CultureInfo.InvariantCulture)));

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
