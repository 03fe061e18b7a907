using System.Runtime.CompilerServices;

namespace AiEtl;

/// <summary>
/// What one non-empty CSV field counts as in its column's <see cref="ColumnStats"/>, worked out from its text alone: a
/// null value, a sentinel token, or a value of a kind with what it adds to the column's range of numbers. Being a function
/// of the text, it is worked out once per distinct value and then looked up (<see cref="CountedValueCache"/>).
/// </summary>
internal readonly record struct CountedValue
{
    private CountedValue(CountedRole role, string? token, ValueKind kind, ColumnStats.RangePart range) =>
        (Role, Token, Kind, Range) = (role, token, kind, range);

    public CountedRole Role { get; }

    /// <summary>The sentinel token, trimmed (<see cref="CountedRole.Token"/>).</summary>
    public string? Token { get; }

    /// <summary>The value's kind (<see cref="CountedRole.Value"/>).</summary>
    public ValueKind Kind { get; }

    /// <summary>What the value adds to the column's range of numbers (<see cref="CountedRole.Value"/>).</summary>
    public ColumnStats.RangePart Range { get; }

    /// <summary>
    /// Whether two are the same in every part, numbers to the bit (record equality takes -0 for 0, which would count one
    /// as the other when they are kept once).
    /// </summary>
    public static IEqualityComparer<CountedValue> Identical { get; } = new IdenticalComparer();

    /// <summary>What a non-empty field counts as, by the same steps, in the same order, as counting it directly.</summary>
    /// <param name="value">The field's characters.</param>
    /// <param name="bytes">Their UTF-8 bytes, as the source parses them.</param>
    /// <param name="kinds">The classifier.</param>
    /// <param name="nulls">The source's null values besides the empty field.</param>
    /// <param name="sentinels">Whether sentinel texts are null tokens.</param>
    // Optimised at once, as the batch that calls it per value not seen before (CsvSampleBatch says why).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CountedValue Of(ReadOnlySpan<char> value, ReadOnlySpan<byte> bytes, ValueKinds kinds, NullValues nulls, bool sentinels)
    {
        if (nulls.Contains(value))
        {
            return new CountedValue(CountedRole.Null, null, default, default);
        }

        if (sentinels && NullTokens.IsSentinel(value))
        {
            return new CountedValue(CountedRole.Token, value.Trim().ToString(), default, default);
        }

        var kind = kinds.Classify(value, bytes, out var invariantNumber);
        return new CountedValue(CountedRole.Value, null, kind, ColumnStats.RangeOf(kind, value, invariantNumber));
    }

    private sealed class IdenticalComparer : IEqualityComparer<CountedValue>
    {
        public bool Equals(CountedValue x, CountedValue y) =>
            x.Role == y.Role && string.Equals(x.Token, y.Token, StringComparison.Ordinal) && x.Kind == y.Kind
            && string.Equals(x.Range.NinesCode, y.Range.NinesCode, StringComparison.Ordinal) && Bits(x.Range.Number) == Bits(y.Range.Number);

        public int GetHashCode(CountedValue value) => HashCode.Combine(value.Role, value.Token, value.Kind, value.Range.NinesCode, Bits(value.Range.Number));

        private static long? Bits(double? number) => number is { } n ? BitConverter.DoubleToInt64Bits(n) : null;
    }
}
