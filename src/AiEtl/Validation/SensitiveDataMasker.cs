using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AiEtl.Internal;

namespace AiEtl;

/// <summary>
/// Finds the seed's sensitive-data patterns in free text and masks them: social security numbers, card numbers
/// (only those that pass the Luhn check, so order numbers and other 16-digit codes stay readable), e-mail addresses
/// and phone numbers. The engine runs every error, warning and log message of a run through it.
/// </summary>
/// <remarks>
/// The phone pattern is stricter than the seed's (<c>\+?\d{1,3}?[-.\s]?\(?\d{1,4}\)?...</c>, which matches any run of
/// three digits and would mask row numbers, amounts and dates): a number that starts with <c>+</c> and a country
/// code, or the North American forms <c>(555) 123-4567</c> and <c>555-123-4567</c>, 7 to 15 digits in all.
/// </remarks>
public sealed partial class SensitiveDataMasker
{
    private const int HashKeyMinimum = 16;
    private readonly MaskingOptions _options;

    /// <summary>Creates a masker with the given options.</summary>
    /// <exception cref="PipelineConfigurationException">The strategy is <see cref="MaskingStrategy.KeyedHash"/> and the key is shorter than 16 bytes.</exception>
    public SensitiveDataMasker(MaskingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Enabled && options.Strategy == MaskingStrategy.KeyedHash && options.HashKey.Length < HashKeyMinimum)
        {
            throw new PipelineConfigurationException($"masking: the keyed-hash strategy needs a key of at least {HashKeyMinimum} bytes (MaskingOptions.HashKey); it has {options.HashKey.Length}");
        }

        _options = options;
    }

    /// <summary>The text with every sensitive value found replaced as <see cref="MaskingOptions.Strategy"/> says; the same text when masking is off or nothing is found.</summary>
    public string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!_options.Enabled || !MightHoldSensitiveData(text))
        {
            return text;
        }

        var masked = Patterns().Replace(text, match =>
        {
            var kind = KindOf(match);
            return kind == SensitiveKind.None ? match.Value : Replace(match.Value, kind);
        });

        // The same instance when nothing was masked, so callers can tell cheaply.
        return string.Equals(masked, text, StringComparison.Ordinal) ? text : masked;
    }

    /// <summary>The error with its message masked, and its raw input when <see cref="MaskingOptions.MaskDeadLetterRows"/> is on.</summary>
    internal RowError Mask(RowError error)
    {
        var message = Mask(error.Message);
        var raw = _options.MaskDeadLetterRows && error.RawInput is { } input ? Mask(input) : error.RawInput;
        var recordId = error.RecordId is { } id ? Mask(id) : null;
        return ReferenceEquals(message, error.Message) && ReferenceEquals(raw, error.RawInput) && ReferenceEquals(recordId, error.RecordId)
            ? error
            : error with { Message = message, RawInput = raw, RecordId = recordId };
    }

    /// <summary>The error with its message masked.</summary>
    internal PipelineError Mask(PipelineError error)
    {
        var message = Mask(error.Message);
        return ReferenceEquals(message, error.Message) ? error : error with { Message = message };
    }

    /// <summary>Whether <paramref name="digits"/> (a card number's digits, separators allowed) pass the Luhn check.</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> digits) => Luhn.Passes(digits);

    // Every pattern needs an '@' or a digit: most messages have neither in a form worth a regex scan.
    private static bool MightHoldSensitiveData(string text) => text.AsSpan().IndexOfAny(Triggers) >= 0;

    private static readonly System.Buffers.SearchValues<char> Triggers = System.Buffers.SearchValues.Create("@0123456789");

    private static SensitiveKind KindOf(Match match)
    {
        if (match.Groups["ssn"].Success)
        {
            return SensitiveKind.Ssn;
        }

        if (match.Groups["card"].Success)
        {
            return PassesLuhn(match.ValueSpan) ? SensitiveKind.CreditCard : SensitiveKind.None;
        }

        if (match.Groups["email"].Success)
        {
            return SensitiveKind.Email;
        }

        var digits = 0;
        foreach (var character in match.ValueSpan)
        {
            digits += char.IsAsciiDigit(character) ? 1 : 0;
        }

        return digits is >= 7 and <= 15 ? SensitiveKind.Phone : SensitiveKind.None;
    }

    private string Replace(string value, SensitiveKind kind) => _options.Strategy switch
    {
        MaskingStrategy.Redact => $"[{Label(kind)}]",
        MaskingStrategy.KeyedHash => $"{Label(kind)}:{Hash(value)}",
        _ => ViolationValues.Mask(value, kind),
    };

    private string Hash(string value)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_options.HashKey.Span, Encoding.UTF8.GetBytes(value), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    private static string Label(SensitiveKind kind) => kind switch
    {
        SensitiveKind.Ssn => "ssn",
        SensitiveKind.CreditCard => "credit_card",
        SensitiveKind.Email => "email",
        _ => "phone",
    };

    // One scan for the four patterns; the groups say which matched. Digits next to a match (or letters, for the
    // e-mail's ends) mean it is part of something longer, such as an id, and it is left alone.
    [GeneratedRegex("""
        (?<![\w.%+-])(?<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})(?![\w-])
        | (?<![\d-])(?<ssn>(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4})(?![\d-])
        | (?<![\d-])(?<card>\d{4}[\s-]?\d{4}[\s-]?\d{4}[\s-]?\d{4})(?![\d-])
        | (?<![\w+(-])(?<phone>\+\d{1,3}[-.\s]?(?:\(\d{1,4}\)[-.\s]?)?\d{1,4}(?:[-.\s]?\d{1,9}){1,3}|\(\d{3}\)\s?\d{3}[-.\s]\d{4}|\d{3}[-.\s]\d{3}[-.\s]\d{4})(?![\d-])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Patterns();
}
