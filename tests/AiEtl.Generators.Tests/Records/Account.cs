namespace AiEtl.Generators.Tests.Records;

/// <summary>A record with every constraint, for the validation tests.</summary>
[EtlRecord("accounts")]
public partial record Account(
    [property: PrimaryKey] int Id,
    [property: Pattern(@"^[^@\s]+@[^@\s]+\.[a-z]+$"), Sensitive(SensitiveKind.Email)] string Email,
    [property: Pattern(@"^\+?[0-9 ]+$"), Sensitive(SensitiveKind.Phone)] string? Phone,
    [property: ValueRange(0, 150), FieldDescription("Age in whole years")] int? Age,
    [property: ValueRange("0.00", "1000000")] decimal Balance,
    [property: ValueRange("2000-01-01", "2099-12-31")] DateOnly Opened,
    [property: OneOf("GB", "IE", "PT")] string Country,
    [property: OneOf(OrderStatus.Pending)] OrderStatus Status,
    [property: ValueRange(-1.0, 1.0)] double Score,
    string Name,
    List<string> Tags);
