using System.Text.RegularExpressions;

#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] infers with the same rules.
using System;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>The writings of numbers and months that the invariant parse does not settle: groups, decimal commas, year-months.</summary>
internal static partial class NumberText
{
    /// <summary>Groups of three digits split by commas, with an optional point fraction: <c>1,234</c>, <c>12,345.50</c>.</summary>
    public static bool IsCommaGrouped(ReadOnlySpan<char> text) => StartsAsNumber(text) && HasComma(text) && CommaGrouped().IsMatch(text);

    /// <summary>
    /// A number that only reads with a decimal comma: <c>3,5</c>, <c>-12,75</c>, <c>1.234,5</c>. One comma followed by
    /// exactly three digits (<c>1,234</c>) is not: it reads as a group of thousands too.
    /// </summary>
    public static bool IsDecimalComma(ReadOnlySpan<char> text) => StartsAsNumber(text) && HasComma(text) && DecimalComma().IsMatch(text) && !IsCommaGrouped(text);

    /// <summary>A year and a month, ISO style: <c>2024-05</c>.</summary>
    public static bool IsYearMonth(ReadOnlySpan<char> text) => text.Length is 7 or 8 && text[0] is '1' or '2' && YearMonth().IsMatch(text);

    // What every pattern here starts with (\d is any Unicode digit): most text is refused without running a regex.
    private static bool StartsAsNumber(ReadOnlySpan<char> text) => text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '+' or '-');

    // Both comma patterns need a comma: a timestamp or a plain number is refused without running a regex.
    private static bool HasComma(ReadOnlySpan<char> text) => text.IndexOf(',') >= 0;

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CommaGrouped();

    [GeneratedRegex(@"^[+-]?(\d+|\d{1,3}(\.\d{3})+),\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalComma();

    [GeneratedRegex(@"^[12]\d{3}-(0[1-9]|1[0-2])$", RegexOptions.CultureInvariant)]
    private static partial Regex YearMonth();
}
