namespace AiEtl;

/// <summary>How the <c>null_remover</c>'s <c>impute</c> strategy fills the nulls of one field.</summary>
/// <param name="Field">The field's name, as in the schema.</param>
/// <param name="Method">How its fill value is found.</param>
public sealed record ImputeRule(string Field, ImputeMethod Method)
{
    /// <summary>The values a median is exact over; past it, a uniform sample of this many.</summary>
    public const int MaxExactValues = 1_000_000;

    /// <summary>The distinct values a mode counts; past it the run fails, since a mode of so many values means little.</summary>
    public const int MaxDistinctValues = 100_000;

    /// <summary>The fill value of <see cref="ImputeMethod.Constant"/>.</summary>
    public object? Constant { get; init; }
}
