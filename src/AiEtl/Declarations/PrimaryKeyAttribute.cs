namespace AiEtl;

/// <summary>Marks a property as part of the record's primary key (in declaration order).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class PrimaryKeyAttribute : Attribute
{
}
