namespace AiEtl;

/// <summary>Marks a <see cref="string"/> property as holding JSON text (stored as <see cref="FieldType.Json"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class JsonFieldAttribute : Attribute
{
}
