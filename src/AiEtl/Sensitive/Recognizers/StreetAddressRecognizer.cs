using System.Text.RegularExpressions;

namespace AiEtl;

/// <summary>
/// Street addresses: a house number and a street with its type (<c>221B Baker Street</c>, <c>1600 Pennsylvania Ave NW</c>,
/// <c>12 rue de la Paix</c>), or a German-style street and number (<c>Hauptstraße 5</c>).
/// </summary>
internal sealed partial class StreetAddressRecognizer : Recognizer
{
    private static readonly HashSet<string> Context = Words("address", "street", "addr", "line1", "address1", "addressline", "strasse", "residence", "home");

    public override SensitiveDataKind Kind => SensitiveDataKind.StreetAddress;

    public override IReadOnlySet<string> ContextWords => Context;

    public override (double Strength, bool Pattern) Match(string value) =>
        NumberFirst().IsMatch(value) || French().IsMatch(value) || StreetFirst().IsMatch(value) ? (1, true) : (0, false);

    [GeneratedRegex(@"^\d{1,6}[A-Za-z]?\s+([\p{L}.'-]+\s+){1,5}(street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|terrace|circle|cir|parkway|pkwy|highway|hwy|square|sq|close|crescent|gardens)\.?(\s+(n|s|e|w|ne|nw|se|sw))?(,?\s*(apt|apartment|suite|ste|unit|#)\.?\s*\w+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumberFirst();

    [GeneratedRegex(@"^\d{1,4}(\s?(bis|ter))?,?\s+(rue|avenue|boulevard|place|chemin|allée|impasse|quai)\s+[\p{L}' -]+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex French();

    [GeneratedRegex(@"^[\p{L}.-]+(straße|strasse|str\.|weg|gasse|platz|allee|ring|damm)\s+\d{1,4}[a-z]?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StreetFirst();
}
