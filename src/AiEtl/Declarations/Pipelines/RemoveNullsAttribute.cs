namespace AiEtl;

/// <summary>A <c>null_remover</c> with <c>strategy: drop</c>: rows with a null in any of the fields (every field when none is given) are dropped.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class RemoveNullsAttribute : Attribute
{
    /// <summary>Drops rows with a null in <paramref name="fields"/>.</summary>
    /// <param name="fields">The fields checked.</param>
    public RemoveNullsAttribute(params string[] fields)
    {
        Fields = fields;
    }

    /// <summary>The fields checked.</summary>
    public string[] Fields { get; }
}
