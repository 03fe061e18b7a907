namespace AiEtl.IntegrationTests.LoadErrors;

/// <summary>A row keyed by a sensitive value: a rejected row's key must be masked wherever it is shown.</summary>
[EtlRecord("contacts")]
public partial record struct LoadContact([property: PrimaryKey, Sensitive(SensitiveKind.Email)] string Email, string? Name);
