#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] suggests [Sensitive] with the same rules.
using System;
using System.Collections.Generic;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>
/// One kind's recogniser, as Microsoft Presidio's pattern recognisers are built: a per-value strength (1 for a pattern
/// match that passes the kind's checksum, less for a weaker form, 0 for none), a weight for the share of values that
/// match, and a boost when the column's name speaks for the kind.
/// </summary>
internal abstract class Recognizer
{
    public abstract SensitiveDataKind Kind { get; }

    /// <summary>The words of a column name that speak for the kind.</summary>
    public abstract ISet<string> ContextWords { get; }

    /// <summary>What the name adds to the score when it speaks for the kind and enough values match.</summary>
    public virtual double ContextBoost => 0.3;

    /// <summary>The share of the values that must match for the name to count.</summary>
    public virtual double ContextMinShare => 0.5;

    /// <summary>How strongly <paramref name="value"/> (trimmed, not empty) is of the kind, and whether it had the pattern before its checksum.</summary>
    public abstract (double Strength, bool Pattern) Match(string value);

    protected static HashSet<string> Words(params string[] words) => new(words, StringComparer.Ordinal);

    protected static string Digits(ReadOnlySpan<char> text)
    {
        var digits = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        return digits.ToString();
    }
}
