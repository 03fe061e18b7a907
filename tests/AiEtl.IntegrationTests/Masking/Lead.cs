namespace AiEtl.IntegrationTests.Masking;

/// <summary>
/// A row of the masking tests: none of its fields is marked <c>[Sensitive]</c>, yet contact and note hold e-mail
/// addresses, phone, social security and card numbers, so only the pattern masker can protect them.
/// </summary>
[EtlRecord("leads")]
public partial record struct Lead(
    [property: PrimaryKey] int Id,
    string Contact,
    string Note,
    [property: Pattern("^[A-Z]{3}$")] string Code,
    int Score);
