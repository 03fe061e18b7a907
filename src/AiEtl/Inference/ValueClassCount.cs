#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] infers with the same rules.
using System.Collections.Generic;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>How many sampled values of a column fall in one lexical class (integer, decimal comma, year-month, text, ...), with the first few of them.</summary>
/// <param name="Class">The class: integer, grouped integer, decimal, grouped decimal, exponent number, 0/1, year, boolean, date, date-time, timestamp, time, year-month, uuid, json, digits with a leading zero, decimal comma, null token or text.</param>
/// <param name="Count">The number of sampled values in the class.</param>
/// <param name="Examples">The first values of the class, with their rows.</param>
public sealed record ValueClassCount(string Class, int Count, IReadOnlyList<ValueExample> Examples);
