#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] infers with the same rules.
namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>
/// The logical type of a field, independent of any store: text, numbers, booleans, dates and times,
/// JSON, binary and lists. Adapters map these to their own types (see docs/type-mapping.md).
/// </summary>
public enum FieldType
{
    /// <summary>Text.</summary>
    String,

    /// <summary>A whole number (32, 64 or 16 bits).</summary>
    Integer,

    /// <summary>A binary floating-point number.</summary>
    Float,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A calendar date without a time.</summary>
    Date,

    /// <summary>A date and time without an offset.</summary>
    DateTime,

    /// <summary>A point in time with an offset.</summary>
    Timestamp,

    /// <summary>A JSON value kept as JSON text.</summary>
    Json,

    /// <summary>A list of scalar values.</summary>
    Array,

    /// <summary>An exact decimal number.</summary>
    Decimal,

    /// <summary>A 128-bit identifier.</summary>
    Guid,

    /// <summary>A time of day without a date.</summary>
    Time,
}
