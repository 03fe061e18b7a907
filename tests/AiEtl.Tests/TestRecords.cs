namespace AiEtl.Tests;

[EtlRecord("people")]
public partial record struct Person(
    [property: PrimaryKey] int Id,
    string Name,
    int? Age,
    DateOnly Born,
    decimal Balance);
