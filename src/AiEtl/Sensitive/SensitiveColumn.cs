#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] suggests [Sensitive] with the same rules.
namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>What a scan found in one column: the most likely kind of sensitive data, its score and the evidence.</summary>
public sealed record SensitiveColumn
{
    /// <summary>The column's name.</summary>
    public required string Name { get; init; }

    /// <summary>The kind with the highest score, or <see cref="SensitiveDataKind.None"/> when no kind reaches the threshold.</summary>
    public required SensitiveDataKind Kind { get; init; }

    /// <summary>The score of the kind, from 0 to 1 (docs/inference.md says how it is computed); the best kind's score when none is sensitive.</summary>
    public required double Score { get; init; }

    /// <summary>The kind the score belongs to, even when it is under the threshold.</summary>
    public SensitiveDataKind BestCandidate { get; init; }

    /// <summary>Whether the column holds sensitive data: <see cref="Kind"/> is not <see cref="SensitiveDataKind.None"/>.</summary>
    public bool IsSensitive => Kind != SensitiveDataKind.None;

    /// <summary>The non-empty values scanned.</summary>
    public int Values { get; init; }

    /// <summary>The share of the values that match the best kind's pattern and pass its checksum (Luhn, mod 97, SSN rules) where it has one.</summary>
    public double ValidShare { get; init; }

    /// <summary>The share of the values that match the best kind's pattern, before its checksum.</summary>
    public double PatternShare { get; init; }

    /// <summary>Whether the column's name speaks for the best kind (<c>email</c>, <c>dob</c>, <c>iban</c>, ...).</summary>
    public bool NameContext { get; init; }

    /// <summary>The evidence in words: shares, checksum, name context and the score they give.</summary>
    public required string Evidence { get; init; }

    /// <summary>The engine's masking kind for the column (<see cref="Field.Sensitive"/>): e-mail, phone, SSN, card, or other.</summary>
    public SensitiveKind MaskingKind => Kind switch
    {
        SensitiveDataKind.None => SensitiveKind.None,
        SensitiveDataKind.Email => SensitiveKind.Email,
        SensitiveDataKind.Phone => SensitiveKind.Phone,
        SensitiveDataKind.Ssn => SensitiveKind.Ssn,
        SensitiveDataKind.CreditCard => SensitiveKind.CreditCard,
        _ => SensitiveKind.Other,
    };
}
