using Microsoft.CodeAnalysis.Text;

namespace AiEtl.Generators.Tests.Infrastructure;

/// <summary>
/// Source with one span marked as <c>[|...|]</c>, the way Roslyn's analyzer tests mark where a diagnostic
/// is expected.
/// </summary>
/// <param name="Source">The source without the markers.</param>
/// <param name="Span">The marked span, as lines and columns.</param>
internal sealed record SourceMarkup(string Source, LinePositionSpan Span)
{
    /// <summary>Removes the markers from <paramref name="markup"/> and remembers where they were.</summary>
    public static SourceMarkup Parse(string markup)
    {
        var start = markup.IndexOf("[|", StringComparison.Ordinal);
        var end = markup.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start || markup.IndexOf("[|", start + 2, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException("The markup needs exactly one [|...|] span.", nameof(markup));
        }

        var source = markup.Remove(end, 2).Remove(start, 2);
        var text = SourceText.From(source);
        var span = text.Lines.GetLinePositionSpan(TextSpan.FromBounds(start, end - 2));
        return new SourceMarkup(source, span);
    }
}
