using System.Globalization;

namespace AiEtl;

/// <summary>The sampled values of one column, and the type they decide.</summary>
internal sealed class ColumnStats
{
    private readonly List<ValueKind> _values = [];

    public int Nulls { get; set; }

    public int Values => _values.Count;

    public void Add(ValueKind value) => _values.Add(value);

    /// <summary>The inferred field of the column, its description saying what decided it.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="sampled">How many rows (or objects, <paramref name="unit"/>) were sampled.</param>
    /// <param name="unit">What a sampled row is called in the description (values, objects).</param>
    /// <param name="minConfidence">The share of values that must fit a type.</param>
    /// <param name="declaredOrders">Whether the exact formats of dates and of date-times name one day/month order.</param>
    public Field ToField(string name, int sampled, string unit, double minConfidence, bool[] declaredOrders)
    {
        var (type, confidence, note) = Decide(minConfidence, declaredOrders);
        return new Field(name, type)
        {
            IsNullable = Nulls > 0 || Values == 0,
            IsInferred = true,
            Confidence = confidence,
            Description = string.Create(CultureInfo.InvariantCulture, $"inferred from {Values} non-null of {sampled} sampled {unit} (confidence {confidence:0.###})")
                + (note is null ? "" : $"; {note}"),
        };
    }

    /// <summary>The column's type, its confidence, and a note on how ambiguous dates were decided (or null).</summary>
    /// <param name="minConfidence">The share of values that must fit a type.</param>
    /// <param name="declaredOrders">Whether the exact formats of dates and of date-times name one day/month order.</param>
    public (FieldType Type, double Confidence, string? Note) Decide(double minConfidence, bool[] declaredOrders)
    {
        if (Values == 0)
        {
            return (FieldType.String, 0, null);
        }

        // The best typed candidate, counting the kinds that widen into it and that the source reads as it (integers fit a float column).
        var best = FieldType.String;
        var bestCount = 0;
        foreach (var candidate in _values.Select(v => v.Kind).Where(k => k != FieldType.String).Distinct().Order())
        {
            var count = _values.Count(v => Fits(v, candidate));
            if (count > bestCount || (count == bestCount && ValueKinds.Widen(best, candidate) == candidate))
            {
                (best, bestCount) = (candidate, count);
            }
        }

        var share = (double)bestCount / Values;
        if (share < minConfidence)
        {
            return (FieldType.String, 1 - share, null);
        }

        // Fractional numbers are floats; amounts written for people with group separators (1.234,56) are decimals
        // when every one of them reads as a decimal.
        var numbers = _values.Where(v => Fits(v, FieldType.Float)).ToList();
        if (best == FieldType.Float && numbers.Any(v => v.Grouped) && numbers.All(v => v.ReadsAs(FieldType.Decimal)))
        {
            return (FieldType.Decimal, share, null);
        }

        return best is FieldType.Date or FieldType.DateTime or FieldType.Timestamp
            ? DecideOrder(best, share, declaredOrders[best == FieldType.Date ? 0 : 1])
            : (best, share, null);
    }

    // Dates that read as different days in day-first and month-first order (01/02/2024): the source reads each with the
    // first form that fits, so the column is only as sure as the evidence for that order.
    private (FieldType Type, double Confidence, string? Note) DecideOrder(FieldType type, double share, bool declared)
    {
        var ambiguous = _values.Where(v => Fits(v, type) && v.Differs).ToList();
        if (ambiguous.Count == 0)
        {
            return (type, share, null);
        }

        var orders = ambiguous.Select(v => v.SourceOrder).Distinct().ToList();
        var read = orders.Count == 1 ? orders[0] : DateOrder.None;
        var opposite = read == DateOrder.DayFirst ? DateOrder.MonthFirst : DateOrder.DayFirst;
        var against = _values.Count(v => v.Orders == opposite);
        var support = _values.Count(v => v.Orders == read);
        var what = string.Create(CultureInfo.InvariantCulture, $"{ambiguous.Count} of {Values} values are {Name(type)} in both day-first and month-first order");
        if (read == DateOrder.None || against > 0)
        {
            // The source would read the ambiguous values in an order other values contradict: a silent misreading, so text.
            var reason = read == DateOrder.None
                ? "the source would read some day first and some month first"
                : string.Create(CultureInfo.InvariantCulture, $"the source would read them {Name(read)}, but {against} values can only be {Name(opposite)}");
            return (FieldType.String, 1 - share, $"{what}; {reason}: kept as text (set the formats so that the right order comes first)");
        }

        if (support > 0)
        {
            return (type, share, string.Create(CultureInfo.InvariantCulture, $"{what}; read {Name(read)}, as {support} other values show"));
        }

        if (declared)
        {
            return (type, share, $"{what}; read {Name(read)}, as the configured formats say");
        }

        // Nothing shows the order: a coin toss, so never a confident type.
        return (type, Math.Min(share, 0.5), $"{what} and no value shows which; read {Name(read)} as the source does, confidence at most 0.5");
    }

    private static bool Fits(ValueKind value, FieldType type) =>
        value.Kind == type || (ValueKinds.Widen(value.Kind, type) == type && value.ReadsAs(type));

    private static string Name(FieldType type) => type == FieldType.Date ? "dates" : "date-times";

    private static string Name(DateOrder order) => order == DateOrder.DayFirst ? "day first" : "month first";
}
