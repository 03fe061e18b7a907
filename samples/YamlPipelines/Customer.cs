using AiEtl;

namespace YamlPipelines;

/// <summary>A row of samples/data/customers.csv, the record that two of the pipelines name with <c>record:</c>.</summary>
[EtlRecord("customers")]
public partial record struct Customer(
    [property: PrimaryKey] int Id,
    [property: Pattern("^[^@\\s]+@[^@\\s]+$"), Sensitive(SensitiveKind.Email)] string Email,
    string Name,
    [property: ValueRange(0, 150)] int? Age,
    DateOnly SignupDate,
    DateTime LastLogin,
    decimal Balance,
    string Country,
    bool Active,
    [property: JsonField] string Tags);
