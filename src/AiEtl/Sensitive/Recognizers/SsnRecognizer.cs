using System.Text.RegularExpressions;

#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] suggests [Sensitive] with the same rules.
using System.Collections.Generic;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>
/// US social security numbers, <c>123-45-6789</c>, with the SSA's rules: no area 000, 666 or 900-999, no group 00, no
/// serial 0000. Nine bare digits that pass the rules are weak: only the name makes them SSNs.
/// </summary>
internal sealed partial class SsnRecognizer : Recognizer
{
    private static readonly HashSet<string> Context = Words("ssn", "social", "socialsecurity", "ss", "sin");

    public override SensitiveDataKind Kind => SensitiveDataKind.Ssn;

    public override ISet<string> ContextWords => Context;

    public override double ContextBoost => 0.45;

    public override (double Strength, bool Pattern) Match(string value)
    {
        var dashed = Dashed().IsMatch(value);
        if (!dashed && !Bare().IsMatch(value))
        {
            return (0, false);
        }

        var digits = Digits(value);
        var (area, group, serial) = (int.Parse(digits[..3], System.Globalization.CultureInfo.InvariantCulture), digits[3..5], digits[5..]);
        var valid = area is not (0 or 666) && area < 900 && group != "00" && serial != "0000";
        return (valid ? (dashed ? 1 : 0.35) : 0, true);
    }

    [GeneratedRegex(@"^\d{3}-\d{2}-\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Dashed();

    [GeneratedRegex(@"^\d{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex Bare();
}
