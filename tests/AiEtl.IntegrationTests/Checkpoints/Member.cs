namespace AiEtl.IntegrationTests.Checkpoints;

/// <summary>A row of the checkpoint tests' CSV: <c>id,name</c>, keyed by id.</summary>
[EtlRecord("members")]
public partial record struct Member([property: PrimaryKey] int Id, string Name);
