using System.ComponentModel;
using System.Globalization;

namespace AiEtl.Internal;

/// <summary>
/// Formats the values that generated <c>Validate</c> methods report: invariant text in the ISO formats the
/// adapters read, shortened to <see cref="MaxLength"/> characters, and masked for sensitive fields.
/// </summary>
/// <remarks>For AiEtl's adapters and generated code, which is why it is public; it is not part of the supported API and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ViolationValues
{
    /// <summary>The longest value text kept in a violation; longer text is cut and ends with an ellipsis.</summary>
    public const int MaxLength = 80;

    private const string Masked = "***";

    /// <summary>Text as is, shortened.</summary>
    public static string Format(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= MaxLength ? value : string.Concat(value.AsSpan(0, MaxLength), "…");
    }

    /// <summary>A boolean as <c>true</c> or <c>false</c>.</summary>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>A date as <c>yyyy-MM-dd</c>.</summary>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A time of day as <c>HH:mm:ss</c> with the fraction that is not zero.</summary>
    public static string Format(TimeOnly value) => value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>A date and time in the round-trip format.</summary>
    public static string Format(DateTime value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A point in time in the round-trip format.</summary>
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A number, GUID or enum member as invariant text.</summary>
    public static string Format<T>(T value)
        where T : IFormattable => Format(value.ToString(null, CultureInfo.InvariantCulture));

    /// <summary>
    /// A sensitive value, masked so that a person can tell values apart without reading them: an e-mail keeps its
    /// first character and its domain (<c>a***@example.com</c>); a phone number its last two digits; a social
    /// security or card number its last four; anything else shows as <c>***</c>.
    /// </summary>
    public static string Mask(string value, SensitiveKind kind)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (kind)
        {
            case SensitiveKind.Email:
                var at = value.LastIndexOf('@');
                return at > 0 && at < value.Length - 1 ? Format(string.Concat(value.AsSpan(0, 1), Masked, value.AsSpan(at))) : Masked;
            case SensitiveKind.Phone:
                return LastDigits(value, keep: 2, atLeast: 7);
            case SensitiveKind.Ssn:
                return LastDigits(value, keep: 4, atLeast: 9);
            case SensitiveKind.CreditCard:
                return LastDigits(value, keep: 4, atLeast: 12);
            default:
                return Masked;
        }
    }

    private static string LastDigits(string value, int keep, int atLeast)
    {
        Span<char> digits = stackalloc char[keep];
        var total = 0;
        foreach (var character in value)
        {
            if (char.IsAsciiDigit(character))
            {
                total++;
            }
        }

        if (total < atLeast)
        {
            return Masked;
        }

        var found = 0;
        for (var i = value.Length - 1; i >= 0 && found < keep; i--)
        {
            if (char.IsAsciiDigit(value[i]))
            {
                digits[keep - 1 - found++] = value[i];
            }
        }

        return string.Concat(Masked, digits);
    }
}
