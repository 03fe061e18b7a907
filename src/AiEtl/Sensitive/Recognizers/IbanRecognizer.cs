using System.Numerics;
using System.Text.RegularExpressions;

#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] suggests [Sensitive] with the same rules.
using System;
using System.Collections.Generic;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>International bank account numbers: a country code, two check digits and up to 30 letters or digits (spaces allowed), passing the mod-97 check.</summary>
internal sealed partial class IbanRecognizer : Recognizer
{
    private static readonly HashSet<string> Context = Words("iban", "account", "bank", "bic", "acct");

    public override SensitiveDataKind Kind => SensitiveDataKind.Iban;

    public override ISet<string> ContextWords => Context;

    public override double ContextBoost => 0.2;

    public override (double Strength, bool Pattern) Match(string value)
    {
        var compact = value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (!Shape().IsMatch(compact))
        {
            return (0, false);
        }

        // Move the country and check digits to the end, letters to numbers (A = 10), and the remainder by 97 must be 1.
        var rearranged = compact[4..] + compact[..4];
        var number = new System.Text.StringBuilder();
        foreach (var c in rearranged)
        {
            number.Append(char.IsAsciiDigit(c) ? (c - '0').ToString(System.Globalization.CultureInfo.InvariantCulture) : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return (BigInteger.Parse(number.ToString(), System.Globalization.CultureInfo.InvariantCulture) % 97 == 1 ? 1 : 0, true);
    }

    [GeneratedRegex(@"^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
