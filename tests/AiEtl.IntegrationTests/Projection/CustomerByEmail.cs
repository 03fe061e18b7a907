namespace AiEtl.IntegrationTests.Projection;

/// <summary>A projected row keyed by another field than the row it comes from: a merge on it keeps one row per e-mail.</summary>
[EtlRecord("customers_by_email")]
public partial record struct CustomerByEmail([property: PrimaryKey] string Email, long Id, decimal Balance);
