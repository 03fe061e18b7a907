namespace AiEtl;

/// <summary>
/// Marks a string property as holding sensitive data: its values are masked in
/// validation messages, errors and logs, and masked in the raw input the dead-letter file keeps of a rejected row.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class SensitiveAttribute : Attribute
{
    /// <summary>Marks the property as sensitive for a reason not listed in <see cref="SensitiveKind"/>.</summary>
    public SensitiveAttribute()
        : this(SensitiveKind.Other)
    {
    }

    /// <summary>Marks the property as holding data of the given kind.</summary>
    public SensitiveAttribute(SensitiveKind kind)
    {
        Kind = kind;
    }

    /// <summary>The kind of sensitive data.</summary>
    public SensitiveKind Kind { get; }
}
