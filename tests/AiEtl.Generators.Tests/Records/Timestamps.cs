namespace AiEtl.Generators.Tests.Records;

/// <summary>Date and time fields, for the tests of the CSV reader's ISO fast paths.</summary>
[EtlRecord]
public partial record struct Timestamps(int Id, DateTime When, DateTimeOffset Instant, TimeOnly Time);
