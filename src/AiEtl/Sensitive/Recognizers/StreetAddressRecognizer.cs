using System.Text.RegularExpressions;

#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] suggests [Sensitive] with the same rules.
using System.Collections.Generic;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>
/// Street addresses: a house number and a street with its type (<c>221B Baker Street</c>, <c>1600 Pennsylvania Ave NW</c>, <c>361 2nd Avenue Suite 495</c>,
/// <c>12 rue de la Paix</c>), or a German-style street and number (<c>Hauptstraße 5</c>).
/// </summary>
internal sealed partial class StreetAddressRecognizer : Recognizer
{
    private static readonly HashSet<string> Context = Words("address", "street", "addr", "line1", "address1", "addressline", "strasse", "residence", "home");

    public override SensitiveDataKind Kind => SensitiveDataKind.StreetAddress;

    public override ISet<string> ContextWords => Context;

    public override (double Strength, bool Pattern) Match(string value) =>
        NumberFirst().IsMatch(value) || French().IsMatch(value) || StreetFirst().IsMatch(value) ? (1, true) : (0, false);

    // The street types are the common suffixes of the USPS list (Publication 28, appendix C1) and British ones.
    [GeneratedRegex(@"^\d{1,6}[A-Za-z]?\s+([\p{L}\d.'-]+\s+){1,5}(street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|terrace|circle|cir|parkway|pkwy|highway|hwy|square|sq|close|crescent|gardens|alley|bypass|causeway|center|centre|common|corner|creek|crest|crossing|dale|estate|estates|expressway|extension|falls|ferry|field|fields|flat|flats|ford|forest|forge|fork|fort|freeway|garden|gateway|glen|green|grove|harbor|haven|heights|hill|hills|hollow|island|isle|junction|key|knoll|lake|landing|light|lights|loop|mall|manor|meadow|meadows|mews|mill|mills|mission|motorway|mount|mountain|orchard|oval|overpass|park|pass|path|pike|pine|pines|plain|plains|plaza|point|port|ports|prairie|ranch|ridge|river|route|row|run|shoal|shore|shores|skyway|spring|springs|spur|station|stravenue|stream|summit|throughway|trace|track|trafficway|trail|tunnel|turnpike|underpass|union|valley|viaduct|view|village|ville|vista|walk|wall|well|wells)\.?(\s+(n|s|e|w|ne|nw|se|sw))?(,?\s*(apt|apartment|suite|ste|unit|#)\.?\s*\w+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumberFirst();

    [GeneratedRegex(@"^\d{1,4}(\s?(bis|ter))?,?\s+(rue|avenue|boulevard|place|chemin|allée|impasse|quai)\s+[\p{L}' -]+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex French();

    [GeneratedRegex(@"^[\p{L}.-]+(straße|strasse|str\.|weg|gasse|platz|allee|ring|damm)\s+\d{1,4}[a-z]?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StreetFirst();
}
