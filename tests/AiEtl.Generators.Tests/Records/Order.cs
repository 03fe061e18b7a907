namespace AiEtl.Generators.Tests.Records;

/// <summary>A class record built with an object initializer; attributes on properties, not parameters.</summary>
[EtlRecord("orders", Version = "2.0")]
public partial class Order
{
    /// <summary>The key.</summary>
    [PrimaryKey]
    public long OrderId { get; set; }

    /// <summary>Who ordered, if known.</summary>
    [FieldName("customer_email")]
    public string? Email { get; init; }

    /// <summary>The state.</summary>
    public OrderStatus Status { get; set; }

    /// <summary>The state before the last change, if any.</summary>
    public OrderStatus? PreviousStatus { get; set; }

    /// <summary>Computed, so not a field.</summary>
    public string Summary => $"{OrderId}:{Status}";
}
