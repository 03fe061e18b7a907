using AiEtl.Configuration.Yaml;
using Microsoft.CodeAnalysis.Text;

namespace AiEtl.Generators;

/// <summary>
/// Turns the configuration model's line and column into a compiler location in the YAML file, spanning the scalar
/// that starts there (to the end of the line, or to the next <c>,</c> <c>]</c> <c>}</c> in a flow collection, without
/// a trailing comment), so the IDE underlines the value that is wrong.
/// </summary>
internal static class YamlLocations
{
    public static LocationInfo At(string filePath, SourceText text, YamlPosition position)
    {
        var lineIndex = System.Math.Max(0, System.Math.Min(position.Line - 1, text.Lines.Count - 1));
        if (text.Lines.Count == 0)
        {
            return new LocationInfo(filePath, new TextSpan(0, 0), new LinePositionSpan(default, default));
        }

        var line = text.Lines[lineIndex];
        var column = System.Math.Max(0, System.Math.Min(position.Column - 1, line.Span.Length));
        var start = line.Start + column;
        var end = start < line.End && text[start] is '{' or '[' ? MatchingBracket(text, start, line.End) : ScalarEnd(text, start, line, InFlow(text, line.Start, start));
        var span = TextSpan.FromBounds(start, end);
        return new LocationInfo(filePath, span, text.Lines.GetLinePositionSpan(span));
    }

    // A quoted scalar ends at its closing quote; a plain one before ': ', ' #', the line's end, or (in a flow collection) ',', ']' or '}'.
    private static int ScalarEnd(SourceText text, int start, TextLine line, bool inFlow)
    {
        var quote = start < line.End && text[start] is '"' or '\'' ? text[start] : '\0';
        var end = start;
        for (var i = start + (quote == '\0' ? 0 : 1); i < line.End; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                end = i + 1;
                if (c == quote)
                {
                    break;
                }

                continue;
            }

            var next = i + 1 < line.End ? text[i + 1] : ' ';
            if ((inFlow && c is ',' or ']' or '}') || (c == ':' && char.IsWhiteSpace(next)) || (c == '#' && i > start && char.IsWhiteSpace(text[i - 1])))
            {
                break;
            }

            if (!char.IsWhiteSpace(c))
            {
                end = i + 1;
            }
        }

        return end;
    }

    private static int MatchingBracket(SourceText text, int start, int lineEnd)
    {
        var depth = 0;
        for (var i = start; i < lineEnd; i++)
        {
            depth += text[i] is '{' or '[' ? 1 : text[i] is '}' or ']' ? -1 : 0;
            if (depth == 0)
            {
                return i + 1;
            }
        }

        return lineEnd;
    }

    private static bool InFlow(SourceText text, int lineStart, int start)
    {
        var depth = 0;
        for (var i = lineStart; i < start; i++)
        {
            depth += text[i] is '{' or '[' ? 1 : text[i] is '}' or ']' ? -1 : 0;
        }

        return depth > 0;
    }
}
