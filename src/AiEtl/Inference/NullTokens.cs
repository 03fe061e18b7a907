#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] infers with the same rules.
using System;
using System.Collections.Generic;

namespace AiEtl.Generators.Inference;
#else
using System.Runtime.CompilerServices;

namespace AiEtl;
#endif

/// <summary>The sentinel texts that files write for a missing value, and the numeric codes (<c>-9999</c>) that may be one.</summary>
internal static class NullTokens
{
    /// <summary>The sentinel texts, matched ignoring case.</summary>
    internal static readonly HashSet<string> Sentinels = new(StringComparer.OrdinalIgnoreCase)
    {
        "NA", "N/A", "#N/A", "#NA", "N.A.", "-", "--", "null", "None", "nil", "NaN", "missing", "?", ".",
    };

#if AIETL_GENERATOR
    /// <summary>Whether <paramref name="value"/> is a sentinel for a missing value (<c>NA</c>, <c>N/A</c>, <c>#N/A</c>, <c>-</c>, <c>null</c>, <c>None</c>, ...).</summary>
    public static bool IsSentinel(ReadOnlySpan<char> value) => Sentinels.Contains(value.Trim().ToString());
#else
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SentinelLookup = Sentinels.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly int LongestSentinel = Sentinels.Max(s => s.Length);

    /// <summary>Whether <paramref name="value"/> is a sentinel for a missing value (<c>NA</c>, <c>N/A</c>, <c>#N/A</c>, <c>-</c>, <c>null</c>, <c>None</c>, ...).</summary>
    // Optimised at once, as the counting that calls it per value not seen before (CsvSampleBatch says why).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsSentinel(ReadOnlySpan<char> value)
    {
        // Ordinal matches, case ignored or not, have equal lengths: a longer value (most of them) is not looked up. Nor is
        // one that starts with a digit (ids, amounts, ages): no sentinel does, and a digit matches only itself.
        var text = value.Trim();
        return text.Length <= LongestSentinel && !(text.Length > 0 && char.IsAsciiDigit(text[0])) && SentinelLookup.Contains(text);
    }
#endif

    /// <summary>Whether a number is written as a run of nines (<c>99</c>, <c>-999</c>, <c>-9999.0</c>): the shape of a missing-value code.</summary>
#if !AIETL_GENERATOR
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
    public static bool IsNinesCode(ReadOnlySpan<char> value)
    {
        var text = value.Trim().TrimStart("+-");
        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? [] : text[(point + 1)..];
        return whole.Length >= 2 && !whole.ContainsAnyExcept('9') && !fraction.ContainsAnyExcept('0');
    }
}
