namespace AiEtl.Assist;

/// <summary>The names of sensitive kinds in prompts and answers: the scanner's (<c>person_name</c>) and the YAML's <c>sensitive:</c> values.</summary>
public static class SensitiveKinds
{
    /// <summary>The values a model may answer for <c>sensitive</c>: those a schema's <c>sensitive:</c> key takes.</summary>
    public static IReadOnlyList<string> Allowed { get; } = ["none", "email", "phone", "ssn", "credit_card", "other"];

    /// <summary>The scanner's kind in snake case (<c>CreditCard</c>: <c>credit_card</c>).</summary>
    public static string NameOf(SensitiveDataKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
