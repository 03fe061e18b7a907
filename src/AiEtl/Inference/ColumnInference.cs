#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] infers with the same rules.
using System.Collections.Generic;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>The evidence for one inferred column: what its sampled values are, the rule that decided its type, and why it may be wrong.</summary>
public sealed record ColumnInference
{
    /// <summary>The column's name.</summary>
    public required string Name { get; init; }

    /// <summary>The inferred type.</summary>
    public required FieldType Type { get; init; }

    /// <summary>How sure the inference is, from 0 to 1 (docs/inference.md says how it is computed).</summary>
    public required double Confidence { get; init; }

    /// <summary>The rule that decided the type, in words (<c>leading zeros: digits kept as text</c>).</summary>
    public required string Rule { get; init; }

    /// <summary>Whether the confidence is below the threshold of the options: the user should declare the column.</summary>
    public bool IsUnsure { get; init; }

    /// <summary>The sampled values that are neither empty nor a null token.</summary>
    public int Values { get; init; }

    /// <summary>The sampled values that are null: empty, a configured null value, or a null token of <see cref="NullTokens"/>.</summary>
    public int Nulls { get; init; }

    /// <summary>The sentinel texts read as null in this column (<c>NA</c>, <c>N/A</c>, <c>-</c>, ...) and how often each was seen.</summary>
    public IReadOnlyDictionary<string, int> NullTokens { get; init; } = new Dictionary<string, int>();

    /// <summary>Numbers that stand out as codes for a missing value (<c>-9999</c>): reported for the user to accept as null values, not applied.</summary>
    public IReadOnlyList<string> SuggestedNullTokens { get; init; } = [];

    /// <summary>The sampled values by lexical class, most frequent first.</summary>
    public IReadOnlyList<ValueClassCount> Classes { get; init; } = [];

    /// <summary>The first values that speak against the type (or, for an unsure column, that caused the doubt), with their rows.</summary>
    public IReadOnlyList<ValueExample> Counterexamples { get; init; } = [];

    /// <summary>What the user should know about the column (a decimal comma, a year-month kept as text).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
