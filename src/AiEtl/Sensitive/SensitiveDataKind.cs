#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] suggests [Sensitive] with the same rules.
namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>The kinds of sensitive data a column scan recognises (<see cref="SensitiveDataScanner"/>).</summary>
public enum SensitiveDataKind
{
    /// <summary>Nothing sensitive recognised.</summary>
    None,

    /// <summary>E-mail addresses.</summary>
    Email,

    /// <summary>Telephone numbers.</summary>
    Phone,

    /// <summary>US social security numbers (area, group and serial rules checked).</summary>
    Ssn,

    /// <summary>Payment card numbers (Luhn check and issuer prefix).</summary>
    CreditCard,

    /// <summary>International bank account numbers (mod-97 check).</summary>
    Iban,

    /// <summary>IPv4 and IPv6 addresses.</summary>
    IpAddress,

    /// <summary>People's names.</summary>
    PersonName,

    /// <summary>Dates of birth: dates in a column whose name says so.</summary>
    DateOfBirth,

    /// <summary>Street addresses (a number and a street).</summary>
    StreetAddress,

    /// <summary>National identity numbers other than the SSN: UK National Insurance, Spanish DNI, French INSEE, Dutch BSN.</summary>
    NationalId,
}
