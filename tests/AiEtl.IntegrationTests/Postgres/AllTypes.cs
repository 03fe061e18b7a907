namespace AiEtl.IntegrationTests;

/// <summary>A level, stored by name.</summary>
public enum Level
{
    Low,
    High,
}

/// <summary>One field of every scalar type the generator supports, plain and nullable, for the database round trips.</summary>
[EtlRecord("all_types")]
public partial record struct AllTypes(
    [property: PrimaryKey] long Id,
    string Text,
    string? OptionalText,
    [property: JsonField] string Json,
    [property: JsonField] string? OptionalJson,
    short Small,
    int Number,
    long Big,
    int? OptionalNumber,
    float Single,
    double Double,
    double? OptionalDouble,
    decimal Money,
    decimal? OptionalMoney,
    bool Flag,
    bool? OptionalFlag,
    DateOnly Day,
    DateOnly? OptionalDay,
    TimeOnly Time,
    TimeOnly? OptionalTime,
    DateTime When,
    DateTime? OptionalWhen,
    DateTimeOffset Instant,
    DateTimeOffset? OptionalInstant,
    Guid Key,
    Guid? OptionalKey,
    Level Level);
