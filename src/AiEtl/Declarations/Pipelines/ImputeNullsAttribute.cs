namespace AiEtl;

/// <summary>
/// A <c>null_remover</c> with <c>strategy: impute</c> for one field: its nulls become the field's mean, median or
/// mode (from a first pass over the source), or <see cref="Value"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class ImputeNullsAttribute : Attribute
{
    /// <summary>Fills the nulls of <paramref name="field"/> by <paramref name="method"/>.</summary>
    /// <param name="field">The field.</param>
    /// <param name="method">How a null is filled in.</param>
    public ImputeNullsAttribute(string field, ImputeMethod method)
    {
        Field = field;
        Method = method;
    }

    /// <summary>The field.</summary>
    public string Field { get; }

    /// <summary>How a null is filled in.</summary>
    public ImputeMethod Method { get; }

    /// <summary>The value a null becomes, for <see cref="ImputeMethod.Constant"/>.</summary>
    public object? Value { get; set; }
}
