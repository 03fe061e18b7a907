namespace AiEtl;

/// <summary>
/// Sets the field name of a property: its CSV header, JSON property and database column. Without it
/// the name is the property name in snake_case (<c>SignupDate</c> is <c>signup_date</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class FieldNameAttribute : Attribute
{
    /// <summary>Sets the field name.</summary>
    public FieldNameAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The field name.</summary>
    public string Name { get; }
}
