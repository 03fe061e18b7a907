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

/// <summary>
/// National identity numbers with their checks: UK National Insurance numbers (prefix rules), Spanish DNI (mod-23
/// letter), French INSEE numbers (mod-97 key). Dutch BSNs (11-test) are nine bare digits, weak without the name.
/// </summary>
internal sealed partial class NationalIdRecognizer : Recognizer
{
    private const string DniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

    private static readonly HashSet<string> Context = Words(
        "national", "nationalid", "nino", "nin", "ni", "dni", "nie", "nif", "bsn", "insee", "nir", "passport", "taxid", "tin",
        "citizen", "idcard", "identity", "personnummer", "sofinummer", "identification");

    public override SensitiveDataKind Kind => SensitiveDataKind.NationalId;

    public override ISet<string> ContextWords => Context;

    public override double ContextBoost => 0.45;

    public override (double Strength, bool Pattern) Match(string value)
    {
        var compact = value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (Nino().IsMatch(compact))
        {
            var prefix = compact[..2];
            return (prefix is not ("BG" or "GB" or "NK" or "KN" or "TN" or "NT" or "ZZ") ? 1 : 0, true);
        }

        if (Dni().IsMatch(compact))
        {
            return (DniLetters[int.Parse(compact[..8], System.Globalization.CultureInfo.InvariantCulture) % 23] == compact[8] ? 1 : 0, true);
        }

        if (Insee().IsMatch(compact))
        {
            var key = 97 - (BigInteger.Parse(compact[..13], System.Globalization.CultureInfo.InvariantCulture) % 97);
            return (key == int.Parse(compact[13..], System.Globalization.CultureInfo.InvariantCulture) ? 1 : 0, true);
        }

        if (Bsn().IsMatch(compact))
        {
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (9 - i) * (compact[i] - '0');
            }

            return ((sum - (compact[8] - '0')) % 11 == 0 ? 0.3 : 0, true);
        }

        return (0, false);
    }

    [GeneratedRegex(@"^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$", RegexOptions.CultureInvariant)]
    private static partial Regex Nino();

    [GeneratedRegex(@"^\d{8}[A-Z]$", RegexOptions.CultureInvariant)]
    private static partial Regex Dni();

    [GeneratedRegex(@"^[12]\d{14}$", RegexOptions.CultureInvariant)]
    private static partial Regex Insee();

    [GeneratedRegex(@"^\d{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex Bsn();
}
