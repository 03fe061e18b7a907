namespace AiEtl;

/// <summary>
/// Allows only the listed values (<c>enum_values</c> in a YAML schema). Each value is converted to the property's type
/// at compile time; dates, times and GUIDs are written as invariant text. Strings are compared exactly
/// (ordinal, case-sensitive). A null value of a nullable property is not checked.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class OneOfAttribute : Attribute
{
    /// <summary>Allows only <paramref name="values"/>.</summary>
    public OneOfAttribute(params object[] values)
    {
        Values = values;
    }

    /// <summary>The allowed values, as written in the attribute.</summary>
    public IReadOnlyList<object> Values { get; }
}
