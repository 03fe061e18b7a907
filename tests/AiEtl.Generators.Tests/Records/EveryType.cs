namespace AiEtl.Generators.Tests.Records;

/// <summary>One field of each supported type, plain and nullable, with attributes on the parameters themselves.</summary>
[EtlRecord]
public partial record EveryType(
    [PrimaryKey] string Text,
    string? OptionalText,
    [JsonField] string Json,
    short Small,
    short? OptionalSmall,
    int Number,
    long Big,
    long? OptionalBig,
    float Single,
    double Double,
    double? OptionalDouble,
    decimal Money,
    bool Flag,
    DateOnly Day,
    TimeOnly Time,
    TimeOnly? OptionalTime,
    DateTime When,
    DateTimeOffset Instant,
    DateTimeOffset? OptionalInstant,
    Guid Key,
    [FieldName("status_code")] OrderStatus Status,
    OrderStatus? OptionalStatus)
{
    /// <summary>Set in the object initializer after the constructor.</summary>
    public string? Note { get; init; }
}
