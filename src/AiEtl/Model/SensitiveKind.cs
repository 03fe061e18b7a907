#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] suggests [Sensitive] with the same rules.
namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>Kinds of sensitive data (e-mail addresses, phone numbers, card numbers, ...), used to mask values in logs and errors.</summary>
public enum SensitiveKind
{
    /// <summary>Not sensitive.</summary>
    None,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A telephone number.</summary>
    Phone,

    /// <summary>A US social security number.</summary>
    Ssn,

    /// <summary>A payment card number.</summary>
    CreditCard,

    /// <summary>Sensitive for another reason.</summary>
    Other,
}
