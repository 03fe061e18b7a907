using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AiEtl.Generators;

/// <summary>
/// A source location as plain data: what a <see cref="Location"/> says, without holding the syntax tree,
/// so a model that carries it stays comparable between compilations.
/// </summary>
/// <param name="FilePath">The path of the file.</param>
/// <param name="TextSpan">The character span in the file.</param>
/// <param name="LineSpan">The same span as lines and columns.</param>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    /// <summary>Takes a snapshot of <paramref name="location"/>, or <see langword="null"/> when it is not in a file.</summary>
    public static LocationInfo? From(Location location)
    {
        if (!location.IsInSource && location.Kind != LocationKind.ExternalFile)
        {
            return null;
        }

        var lineSpan = location.GetLineSpan();
        return new LocationInfo(lineSpan.Path ?? string.Empty, location.SourceSpan, lineSpan.Span);
    }

    /// <summary>Takes a snapshot of the location of <paramref name="node"/>.</summary>
    public static LocationInfo? From(SyntaxNode node) => From(node.GetLocation());

    /// <summary>Takes a snapshot of the location of <paramref name="token"/>.</summary>
    public static LocationInfo? From(SyntaxToken token) => From(token.GetLocation());

    /// <summary>Makes a <see cref="Location"/> again, to report a diagnostic at.</summary>
    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);
}
