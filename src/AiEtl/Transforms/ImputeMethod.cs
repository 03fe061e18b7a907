namespace AiEtl;

/// <summary>How the <c>null_remover</c>'s <c>impute</c> strategy fills a null; its statistics come from a first pass over the source.</summary>
public enum ImputeMethod
{
    /// <summary>The mean of the field's values (numbers only); rounded half to even for an integer field.</summary>
    Mean,

    /// <summary>
    /// The median of the field's values (numbers only): exact up to <see cref="ImputeRule.MaxExactValues"/> values,
    /// then the median of a uniform sample of that many (a rank error of about 1/(2√n), 0.05 % of the rows for the
    /// default million); the mean of the two middle values for an even count, rounded half to even for an integer field.
    /// </summary>
    Median,

    /// <summary>The most frequent value (any type; the first to reach the top count on a tie), up to <see cref="ImputeRule.MaxDistinctValues"/> distinct values.</summary>
    Mode,

    /// <summary>The <see cref="ImputeRule.Constant"/> given, converted to the field's type.</summary>
    Constant,
}
