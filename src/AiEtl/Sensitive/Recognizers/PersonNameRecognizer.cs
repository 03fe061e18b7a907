using System.Text.RegularExpressions;

#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] suggests [Sensitive] with the same rules.
using System;
using System.Collections.Generic;
using System.Linq;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>
/// People's names: one to four capitalised words of letters (<c>Ann Smith</c>, <c>Smith, Ann</c>, <c>Mary-Jo O'Neil</c>).
/// A word that is a common given name (<see cref="GivenNames"/>) or a title (<c>Dr.</c>) makes it strong; capitalised words
/// alone are a fair guess at best (cities and products look the same), so a column of surnames needs its name
/// (<c>last_name</c>) to count, and a company word (<c>Inc</c>, <c>and</c>) rules a value out.
/// </summary>
internal sealed partial class PersonNameRecognizer : Recognizer
{
    private static readonly HashSet<string> Context = Words(
        "first", "firstname", "last", "lastname", "surname", "fullname", "forename", "given", "givenname", "middle", "maiden",
        "person", "customer", "contact", "employee", "patient", "author", "owner", "holder", "cardholder", "recipient", "sender");

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Herr", "Frau", "Mme", "Mlle", "Sr", "Sra", "Jr", "II", "III", "IV", "PhD", "MD", "DDS", "DVM", "Esq",
    };

    private static readonly HashSet<string> CompanyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Inc", "LLC", "Ltd", "GmbH", "AG", "SA", "Corp", "Co", "Group", "Company", "and", "&", "-", "Partners", "Holdings", "Bank", "University", "Hospital",
    };

    public override SensitiveDataKind Kind => SensitiveDataKind.PersonName;

    public override ISet<string> ContextWords => Context;

    public override double ContextBoost => 0.45;

    public override (double Strength, bool Pattern) Match(string value)
    {
        if (!Name().IsMatch(value))
        {
            return (0, false);
        }

#if AIETL_GENERATOR
        var words = value.Split([' ', ',']).Select(w => w.Trim()).Where(w => w.Length > 0).ToArray();
#else
        var words = value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
#endif
        if (words.Any(w => CompanyWords.Contains(w.TrimEnd('.'))))
        {
            return (0, true);
        }

        // A given name, or a title (Dr., Mrs.) or suffix (Jr., PhD) that only people have, is strong; two or three
        // capitalised words alone are a fair guess (products and places look so too); one word is a weak one.
        var given = words.Any(w => GivenNames.Contains(w.Split('-')[0]));
        var titled = words.Any(w => Titles.Contains(w.TrimEnd('.')));
        return (given || titled ? (words.Length == 1 ? 0.8 : 1) : words.Length is 2 or 3 ? 0.45 : 0.3, true);
    }

    [GeneratedRegex(@"^\p{Lu}[\p{L}'.-]*(,?\s+\p{Lu}[\p{L}'.-]*){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
