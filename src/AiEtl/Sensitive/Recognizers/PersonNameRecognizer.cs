using System.Text.RegularExpressions;

namespace AiEtl;

/// <summary>
/// People's names: one to four capitalised words of letters (<c>Ann Smith</c>, <c>Smith, Ann</c>, <c>Mary-Jo O'Neil</c>).
/// A word that is a common given name (<see cref="GivenNames"/>) makes it strong; capitalised words alone are weak
/// (cities and products look the same), so a column of surnames needs its name (<c>last_name</c>) to count.
/// </summary>
internal sealed partial class PersonNameRecognizer : Recognizer
{
    private static readonly HashSet<string> Context = Words(
        "first", "firstname", "last", "lastname", "surname", "fullname", "forename", "given", "givenname", "middle", "maiden",
        "person", "customer", "contact", "employee", "patient", "author", "owner", "holder", "cardholder", "recipient", "sender");

    public override SensitiveDataKind Kind => SensitiveDataKind.PersonName;

    public override IReadOnlySet<string> ContextWords => Context;

    public override double ContextBoost => 0.45;

    public override (double Strength, bool Pattern) Match(string value)
    {
        if (!Name().IsMatch(value))
        {
            return (0, false);
        }

        var words = value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var given = words.Any(w => GivenNames.Contains(w.Split('-')[0]));
        return (given ? (words.Length == 1 ? 0.8 : 1) : 0.3, true);
    }

    [GeneratedRegex(@"^\p{Lu}[\p{L}'.-]*(,?\s+\p{Lu}[\p{L}'.-]*){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
