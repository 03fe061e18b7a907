namespace AiEtl.IntegrationTests.Projection;

/// <summary>What the projection tests load: fewer fields than <see cref="ProjectionCustomer"/>, one of them computed.</summary>
[EtlRecord("customer_summaries")]
public partial record struct CustomerSummary([property: PrimaryKey] long Id, string Email, decimal Balance, long Code);
