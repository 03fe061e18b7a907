#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] infers with the same rules.
using System;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>Which day/month orders can read a date: the source of ambiguity between <c>dd/MM</c> and <c>MM/dd</c>.</summary>
[Flags]
internal enum DateOrder
{
    /// <summary>No day-before-month or month-before-day form (ISO, year first, or not a date).</summary>
    None = 0,

    /// <summary>A form with the day before the month (<c>dd.MM.yyyy</c>).</summary>
    DayFirst = 1,

    /// <summary>A form with the month before the day (<c>MM/dd/yyyy</c>).</summary>
    MonthFirst = 2,
}
