namespace AiEtl.Benchmarks.Records;

/// <summary>The customer row with a constraint of each kind, for the cost of the generated <c>Validate</c>.</summary>
[EtlRecord("customers")]
public partial record struct ValidatedCustomer(
    [property: PrimaryKey] int Id,
    [property: Pattern(@"^[^@\s]+@[^@\s]+\.[a-z]+$"), Sensitive(SensitiveKind.Email)] string Email,
    string Name,
    [property: ValueRange(0, 150)] int? Age,
    [property: ValueRange("2000-01-01", "2099-12-31")] DateOnly SignupDate,
    DateTime LastLogin,
    [property: ValueRange("-1000000", "1000000")] decimal Balance,
    [property: OneOf(
        "AT", "AU", "BR", "CA", "CH", "CN", "DE", "DK", "ES", "FR", "GB", "IE", "IN",
        "IT", "JP", "KR", "MX", "NG", "NL", "NO", "PL", "PT", "SE", "TR", "US", "ZA")] string Country,
    bool Active,
    [property: JsonField] string Tags);
