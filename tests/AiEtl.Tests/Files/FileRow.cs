namespace AiEtl.Tests.Files;

public enum Tier
{
    Bronze,
    Silver,
    Gold,
}

[EtlRecord("file_rows")]
public partial record FileRow(
    [property: PrimaryKey] int Id,
    string Name,
    string? Note,
    long Big,
    double Ratio,
    decimal Amount,
    bool Flag,
    DateOnly Day,
    TimeOnly? At,
    DateTime When,
    DateTimeOffset Instant,
    Guid Key,
    Tier Tier,
    [property: JsonField] string? Payload,
    string[] Tags);
