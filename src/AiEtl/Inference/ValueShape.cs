#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] infers with the same rules.
namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>
/// What the writing of one value shows beyond its type: the traps of real files that decide a column's type against its
/// plain parse (a code with a leading zero, a year, a decimal comma).
/// </summary>
internal enum ValueShape
{
    /// <summary>Nothing more than the type.</summary>
    None,

    /// <summary>Digits with a leading zero (<c>00797</c>): a code, as a number would lose the zero.</summary>
    LeadingZeroDigits,

    /// <summary>A whole number from 1000 to 2999 written with four digits: possibly a year.</summary>
    Year,

    /// <summary><c>0</c> or <c>1</c>: a number, or a flag.</summary>
    ZeroOrOne,

    /// <summary>A year and a month (<c>2024-05</c>), which no field type reads.</summary>
    YearMonth,

    /// <summary>A number that only reads with a decimal comma (<c>3,5</c>, <c>1.234,5</c>).</summary>
    DecimalComma,
}
