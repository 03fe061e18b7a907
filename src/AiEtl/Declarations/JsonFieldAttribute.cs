namespace AiEtl;

/// <summary>Marks a <see cref="string"/> property as holding JSON text (the seed's <c>json</c> type).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class JsonFieldAttribute : Attribute
{
}
