#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] infers with the same rules.
using System.Collections.Generic;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>
/// What one sampled value is: its most specific type, the types the source would read it as, and for dates which
/// day/month orders could read it.
/// </summary>
/// <param name="Kind">The most specific type (<see cref="FieldType.String"/> when nothing else fits).</param>
/// <param name="Readable">The types the source reads the value as, one bit per <see cref="FieldType"/>, among the types <paramref name="Kind"/> widens into.</param>
/// <param name="Grouped">Whether a number is written with a group separator (<c>1.234,56</c>, <c>1,234</c>).</param>
/// <param name="Orders">The day/month orders of the forms that read the value, the swapped twins of the configured forms included.</param>
/// <param name="SourceOrder">The order of the form the source reads a date with.</param>
/// <param name="Differs">Whether a form of another order reads the value as a different date (<c>01/02/2024</c>).</param>
/// <param name="Shape">What the writing shows beyond the type (a leading zero, a year, a decimal comma).</param>
/// <param name="Decimals">For a plain number, the digits after its decimal separator (0 for a whole number); -1 with an exponent.</param>
/// <param name="Digits">For a plain number, its count of digits before the decimal separator (the width of a code).</param>
internal readonly record struct ValueKind(
    FieldType Kind,
    int Readable = 0,
    bool Grouped = false,
    DateOrder Orders = DateOrder.None,
    DateOrder SourceOrder = DateOrder.None,
    bool Differs = false,
    ValueShape Shape = ValueShape.None,
    int Decimals = 0,
    int Digits = 0)
{
    /// <summary>The type a column of two kinds widens to, or null when they do not mix.</summary>
    public static FieldType? Widen(FieldType a, FieldType b) => (a, b) switch
    {
        _ when a == b => a,
        (FieldType.Integer, FieldType.Float) or (FieldType.Float, FieldType.Integer) => FieldType.Float,
        (FieldType.Integer or FieldType.Float, FieldType.Decimal) or (FieldType.Decimal, FieldType.Integer or FieldType.Float) => FieldType.Decimal,
        (FieldType.Integer, FieldType.Boolean) or (FieldType.Boolean, FieldType.Integer) => FieldType.Boolean, // 1 and 0 among yes and no
        (FieldType.Date, FieldType.DateTime) or (FieldType.DateTime, FieldType.Date) => FieldType.DateTime,
        _ => null,
    };

    /// <summary>
    /// Whether the two are equal in every part, as record equality tells, compared in place: counting calls it per value,
    /// and the record's equality copies both and calls through a comparer per part.
    /// </summary>
    public bool IsSameAs(in ValueKind other) =>
        Kind == other.Kind && Readable == other.Readable && Grouped == other.Grouped && Orders == other.Orders && SourceOrder == other.SourceOrder
        && Differs == other.Differs && Shape == other.Shape && Decimals == other.Decimals && Digits == other.Digits;

    /// <summary>
    /// Record equality, and a hash of the parts, without the record's comparer per part: a column's counts look kinds up
    /// per value whenever its kinds change from value to value (the digits of amounts).
    /// </summary>
    public static IEqualityComparer<ValueKind> Sameness { get; } = new SamenessComparer();

    /// <summary>The bit of <paramref name="type"/> in <see cref="Readable"/>.</summary>
    public static int Bit(FieldType type) => 1 << (int)type;

    /// <summary>Whether the source reads the value as <paramref name="type"/>.</summary>
    public bool ReadsAs(FieldType type) => type == Kind || (Readable & Bit(type)) != 0;

    private sealed class SamenessComparer : IEqualityComparer<ValueKind>
    {
        public bool Equals(ValueKind x, ValueKind y) => x.IsSameAs(in y);

        public int GetHashCode(ValueKind kind)
        {
            unchecked
            {
                var hash = ((int)kind.Kind * 31) + kind.Readable;
                hash = (hash * 31) + ((kind.Grouped ? 1 : 0) | (kind.Differs ? 2 : 0) | ((int)kind.Orders << 2) | ((int)kind.SourceOrder << 4));
                hash = (hash * 31) + (int)kind.Shape;
                hash = (hash * 31) + kind.Decimals;
                return (hash * 31) + kind.Digits;
            }
        }
    }

    /// <summary>The lexical class the evidence counts the value in (integer, decimal comma, year-month, ...).</summary>
    public string Class => Shape switch
    {
        ValueShape.LeadingZeroDigits => "digits with a leading zero",
        ValueShape.Year => "year",
        ValueShape.ZeroOrOne => "0/1",
        ValueShape.YearMonth => "year-month",
        ValueShape.DecimalComma => "decimal comma",
        _ => Kind switch
        {
            FieldType.Integer => Grouped ? "grouped integer" : "integer",
            FieldType.Float when Decimals < 0 => "exponent number",
            FieldType.Decimal when Grouped && Decimals == 0 => "grouped integer",
            FieldType.Float or FieldType.Decimal => Grouped ? "grouped decimal" : "decimal",
            FieldType.Boolean => "boolean",
            FieldType.Date => "date",
            FieldType.DateTime => "date-time",
            FieldType.Timestamp => "timestamp",
            FieldType.Time => "time",
            FieldType.Guid => "uuid",
            FieldType.Json => "json",
            _ => "text",
        },
    };
}
