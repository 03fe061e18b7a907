namespace AiEtl;

/// <summary>
/// Requires a string property's value to match a regular expression (<c>pattern</c> in a YAML schema). The expression
/// is checked when the record is compiled and matched with the invariant culture; anchor it with <c>^</c> and
/// <c>$</c> to match the whole value, and use inline options such as <c>(?i)</c> to ignore case. A null value of a
/// nullable property is not checked.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class PatternAttribute : Attribute
{
    /// <summary>Requires values to match <paramref name="regex"/>.</summary>
    public PatternAttribute(string regex)
    {
        Regex = regex;
    }

    /// <summary>The regular expression.</summary>
    public string Regex { get; }
}
