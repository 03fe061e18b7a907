namespace AiEtl.IntegrationTests.LoadErrors;

/// <summary>A row of the load-error tests: the tables they load are stricter than this schema (NOT NULL, CHECK, a short varchar).</summary>
[EtlRecord("customers")]
public partial record struct LoadCustomer([property: PrimaryKey] long Id, string? Name, long Age);
