using System.Buffers;
using System.Globalization;

namespace AiEtl;

/// <summary>
/// Cheap exact refusals in front of the general date, date-time and time parsers, which are the costliest part of
/// classifying a value that has a digit and is not a number (an e-mail, a timestamp). Each refusal only says what those
/// parsers would say; <c>NonDatesTests</c> checks them against the parsers on random and adversarial values.
/// </summary>
internal sealed class NonDates
{
    // Punctuation the general parser has no token for: a character it cannot read as a number, a name, a separator or an
    // offset fails the parse (only '#', '+', '-' and '\0' have their own rules there, so they are not candidates).
    private const string Candidates = "!\"$%&*;<=>?@[]^_`{|}~";

    private readonly SearchValues<char>? _never;

    /// <param name="culture">The culture the source parses with.</param>
    /// <param name="patterns">Every exact pattern in use (the source's formats and the forms inference checks).</param>
    public NonDates(CultureInfo culture, IEnumerable<string> patterns)
    {
        // A candidate is kept only if no text the parsers match literally has it: the culture's (and the invariant
        // culture's, whose names the parser also knows) names, designators, separators and patterns, and the formats.
        var texts = Texts(culture.DateTimeFormat).Concat(Texts(DateTimeFormatInfo.InvariantInfo)).Concat(patterns);
        var never = Candidates.ToHashSet();
        foreach (var text in texts)
        {
            never.ExceptWith(text);
        }

        Characters = new string([.. never.Order()]);
        _never = never.Count == 0 ? null : SearchValues.Create(Characters);
    }

    /// <summary>The characters that never occur in a date, date-time or time the source reads (for tests and diagnostics).</summary>
    public string Characters { get; }

    /// <summary>Whether <paramref name="value"/> has a character no date, date-time or time of the culture and patterns has (the <c>@</c> of an e-mail).</summary>
    public bool HasNonDateCharacter(ReadOnlySpan<char> value) => _never is not null && value.ContainsAny(_never);

    /// <summary>
    /// Whether the invariant general date parser (the default source's fallback) must refuse <paramref name="text"/> because
    /// it is an ISO timestamp (<c>2024-03-05T14:22:10Z</c>): a date alone is never read from a value with an offset. (Without
    /// an offset it may be: that parser reads <c>2024-03-05T14:22:10.5</c> as a date.)
    /// </summary>
    public static bool IsIsoTimestamp(ReadOnlySpan<byte> text) => Utf8Values.TryParseFixedIsoDateTime(text, out _, out var offset) && offset is not null;

    private static IEnumerable<string> Texts(DateTimeFormatInfo format)
    {
        string[] single = [format.AMDesignator, format.PMDesignator, format.DateSeparator, format.TimeSeparator];
        var eras = format.Calendar.Eras.SelectMany(era => new[] { format.GetEraName(era), format.GetAbbreviatedEraName(era) });
        var patterns = "dDfFgGmMoOrRstTuUyY".SelectMany(format.GetAllDateTimePatterns);
        return single.Concat(format.DayNames).Concat(format.AbbreviatedDayNames).Concat(format.ShortestDayNames)
            .Concat(format.MonthNames).Concat(format.AbbreviatedMonthNames).Concat(format.MonthGenitiveNames)
            .Concat(format.AbbreviatedMonthGenitiveNames).Concat(eras).Concat(patterns);
    }
}
