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
/// Telephone numbers as people write them: international (<c>+44 20 7946 0958</c>), North American
/// (<c>(415) 555-0134</c>, <c>415-555-0134</c>, <c>415.555.0134</c>) and national with a trunk zero (<c>030 1234567</c>), with an extension (<c>x5751</c>) or not. Bare
/// runs of digits are weak (order numbers look the same): only the name makes them phones.
/// </summary>
internal sealed partial class PhoneRecognizer : Recognizer
{
    private static readonly HashSet<string> Context = Words("phone", "telephone", "tel", "mobile", "cell", "fax", "contact", "phonenumber");

    public override SensitiveDataKind Kind => SensitiveDataKind.Phone;

    public override ISet<string> ContextWords => Context;

    public override double ContextBoost => 0.4;

    public override (double Strength, bool Pattern) Match(string value)
    {
        // An extension (x5751, ext. 12) follows the number itself.
        value = Extension().Replace(value, "");
        var digits = Digits(value).Length;
        if (digits is < 7 or > 15 || value.Contains(':', StringComparison.Ordinal))
        {
            return (0, false);
        }

        if (International().IsMatch(value) || NorthAmerican().IsMatch(value) || National().IsMatch(value))
        {
            return (0.95, true);
        }

        return digits >= 10 && Bare().IsMatch(value) ? (0.25, true) : (0, false);
    }

    [GeneratedRegex(@"^\+\d{1,3}([\s.-]?\(?\d{1,5}\)?)([\s.-]?\d{2,5}){1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex International();

    [GeneratedRegex(@"^(1[\s.-]?)?(\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex NorthAmerican();

    [GeneratedRegex(@"^0\d{1,4}[\s/-]\d{3,8}([\s-]\d{2,6})?$", RegexOptions.CultureInvariant)]
    private static partial Regex National();

    [GeneratedRegex(@"^\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex Bare();

    [GeneratedRegex(@"\s*(x|ext\.?|extension)\s*\d{1,6}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Extension();
}
