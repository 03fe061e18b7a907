namespace AiEtl;

/// <summary>
/// Limits a numeric, date or time property to a closed range (<c>min_value</c> and <c>max_value</c> in a YAML schema).
/// The bounds are converted to the property's type at compile time: whole numbers for integer properties,
/// numbers or text (such as <c>"0.01"</c>) for <see cref="decimal"/>, ISO-8601 text (such as <c>"2000-01-01"</c>)
/// for dates and times. A null value of a nullable property is not checked.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class ValueRangeAttribute : Attribute
{
    /// <summary>Allows whole numbers from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public ValueRangeAttribute(long min, long max)
    {
        Min = min;
        Max = max;
    }

    /// <summary>Allows numbers from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public ValueRangeAttribute(double min, double max)
    {
        Min = min;
        Max = max;
    }

    /// <summary>
    /// Allows values from <paramref name="min"/> to <paramref name="max"/>, both included, written as invariant text:
    /// a decimal number, or an ISO-8601 date, time, date-time or timestamp.
    /// </summary>
    public ValueRangeAttribute(string min, string max)
    {
        Min = min;
        Max = max;
    }

    /// <summary>The smallest allowed value, as written in the attribute.</summary>
    public object Min { get; }

    /// <summary>The largest allowed value, as written in the attribute.</summary>
    public object Max { get; }
}
