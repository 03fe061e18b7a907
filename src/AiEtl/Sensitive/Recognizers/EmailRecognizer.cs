using System.Text.RegularExpressions;

#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] suggests [Sensitive] with the same rules.
using System.Collections.Generic;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>E-mail addresses: a local part, an @ and a domain with a top-level name of letters.</summary>
internal sealed partial class EmailRecognizer : Recognizer
{
    private static readonly HashSet<string> Context = Words("email", "mail", "emailaddress");

    public override SensitiveDataKind Kind => SensitiveDataKind.Email;

    public override ISet<string> ContextWords => Context;

    public override double ContextBoost => 0.2;

    public override (double Strength, bool Pattern) Match(string value) => Address().IsMatch(value) ? (1, true) : (0, false);

    [GeneratedRegex(@"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
