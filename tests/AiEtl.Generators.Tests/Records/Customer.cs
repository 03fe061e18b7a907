namespace AiEtl.Generators.Tests.Records;

/// <summary>The README's QuickStart record, compiled with the generator as an analyzer of this project.</summary>
[EtlRecord("customers")]
public partial record struct Customer(
    [property: PrimaryKey] int Id,
    string Email,
    string Name,
    int? Age,
    DateOnly SignupDate,
    DateTime LastLogin,
    decimal Balance,
    string Country,
    bool Active,
    [property: JsonField] string Tags);
