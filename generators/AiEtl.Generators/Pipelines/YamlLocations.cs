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
        var end = start;
        var inQuotes = start < line.End && (text[start] == '"' || text[start] == '\'');
        var quote = inQuotes ? text[start] : '\0';
        for (var i = start + (inQuotes ? 1 : 0); i < line.End; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == quote)
                {
                    end = i + 1;
                    break;
                }

                end = i + 1;
                continue;
            }

            if (c is ',' or ']' or '}' || (c == '#' && i > start && char.IsWhiteSpace(text[i - 1])))
            {
                break;
            }

            if (!char.IsWhiteSpace(c))
            {
                end = i + 1;
            }
        }

        var span = TextSpan.FromBounds(start, end);
        return new LocationInfo(filePath, span, text.Lines.GetLinePositionSpan(span));
    }
}
