namespace AiEtl;

/// <summary>Describes a field for people: kept in the schema, shown in generated documentation.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class FieldDescriptionAttribute : Attribute
{
    /// <summary>Sets the description.</summary>
    public FieldDescriptionAttribute(string description)
    {
        Description = description;
    }

    /// <summary>The description.</summary>
    public string Description { get; }
}
