namespace AiEtl.IntegrationTests.Projection;

/// <summary>A row the projection tests read from CSV; <see cref="Code"/> is text a projection parses, so a bad one makes it throw.</summary>
[EtlRecord("customers")]
public partial record struct ProjectionCustomer(
    [property: PrimaryKey] long Id,
    string Email,
    string Name,
    decimal Balance,
    bool Active,
    string Code);
