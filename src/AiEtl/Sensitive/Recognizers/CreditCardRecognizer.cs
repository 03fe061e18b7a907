using System.Text.RegularExpressions;

#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] suggests [Sensitive] with the same rules.
using System;
using System.Collections.Generic;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>
/// Payment card numbers: 13 to 19 digits, in groups or not, that pass the Luhn check and start with an issuer's prefix
/// (Visa, Mastercard, American Express, Discover, JCB, Diners). A 16-digit id that fails Luhn is not one.
/// </summary>
internal sealed partial class CreditCardRecognizer : Recognizer
{
    private static readonly HashSet<string> Context = Words("card", "credit", "cc", "pan", "visa", "mastercard", "amex", "cardnumber", "creditcard");

    public override SensitiveDataKind Kind => SensitiveDataKind.CreditCard;

    public override ISet<string> ContextWords => Context;

    public override double ContextBoost => 0.2;

    public override (double Strength, bool Pattern) Match(string value)
    {
        if (!Number().IsMatch(value))
        {
            return (0, false);
        }

        var digits = Digits(value);
        if (digits.Length is < 13 or > 19)
        {
            return (0, false);
        }

        return (Luhn.Passes(digits.AsSpan()) && HasIssuerPrefix(digits) ? 1 : 0, true);
    }

    private static bool HasIssuerPrefix(string digits)
    {
        var two = int.Parse(digits[..2], System.Globalization.CultureInfo.InvariantCulture);
        var four = int.Parse(digits[..4], System.Globalization.CultureInfo.InvariantCulture);
        return digits[0] == '4'
            || two is >= 51 and <= 55 || four is >= 2221 and <= 2720
            || two is 34 or 37
            || four == 6011 || two == 65
            || two == 35
            || two is 36 or 38 or 30;
    }

    [GeneratedRegex(@"^\d{4}([ -]?\d{2,6}){2,4}$|^\d{13,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
