namespace AiEtl.Benchmarks.Records;

/// <summary>The QuickStart <c>Customer</c> shape (samples/QuickStart/Customer.cs), read by the AiEtl generated code.</summary>
[EtlRecord("customers")]
public partial record struct CustomerRow(
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
