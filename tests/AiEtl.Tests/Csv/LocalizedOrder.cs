namespace AiEtl.Tests.Csv;

/// <summary>A row of the culture and date-format tests: one field of each type those options change.</summary>
[EtlRecord("localized_orders")]
public partial record struct LocalizedOrder(
    [property: PrimaryKey] int Id,
    decimal Amount,
    double Rate,
    long Count,
    DateOnly Ordered,
    DateTime? Shipped,
    DateTimeOffset? Paid);
