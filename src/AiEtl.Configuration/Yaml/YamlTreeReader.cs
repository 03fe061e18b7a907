using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using AiEtl.Configuration.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AiEtl.Configuration.Yaml;

/// <summary>
/// Reads YAML text into a tree of positioned nodes from YamlDotNet's parser events (no object mapping, no
/// reflection), reporting tabs, duplicate keys, syntax errors and an empty file as diagnostics.
/// </summary>
internal static class YamlTreeReader
{
    private const int MaxDepth = 64;

    private static readonly Regex PositionPrefix = new(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant);

    /// <summary>The root node of the first document, or <see langword="null"/> when the text is empty or not YAML.</summary>
    public static YamlNode? Read(string text, DiagnosticBag diagnostics)
    {
        var tabs = ReportTabs(text, diagnostics);
        var anchors = new Dictionary<string, YamlNode>();
        var parser = new Parser(new StringReader(text));
        try
        {
            YamlNode? root = null;
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart when root is null:
                        parser.MoveNext();
                        root = ReadNode(parser, anchors, diagnostics, 0);
                        break;
                }
            }

            if (root is null or YamlScalar { IsNull: true } && tabs == 0)
            {
                diagnostics.Report(ConfigDiagnostics.EmptyFile, YamlPosition.Start, "");
                return null;
            }

            return root;
        }
        catch (YamlException error)
        {
            // A tab in the indentation makes the scanner fail too; the tab is the cause worth reporting.
            if (tabs == 0)
            {
                var message = PositionPrefix.Replace(error.Message, "");
                diagnostics.Report(ConfigDiagnostics.YamlSyntax, Position(error.Start), "", message);
            }

            return null;
        }
        catch (System.InvalidOperationException error)
        {
            // YamlDotNet's scanner fails this way on some malformed input (the generator's fuzz test finds it); the
            // file is as unreadable as with a syntax error.
            diagnostics.Report(ConfigDiagnostics.YamlSyntax, parser.Current is { } current ? Position(current.Start) : YamlPosition.Start, "", "the YAML cannot be read here (" + error.Message + ")");
            return null;
        }
    }

    private static YamlNode ReadNode(IParser parser, Dictionary<string, YamlNode> anchors, DiagnosticBag diagnostics, int depth)
    {
        var current = parser.Current!;
        if (depth > MaxDepth)
        {
            // A pipeline file is a few levels deep; thousands would only exhaust the stack (of the compiler, too).
            throw new YamlException(current.Start, current.End, "the YAML is nested more than " + MaxDepth + " levels deep");
        }

        YamlNode node;
        switch (current)
        {
            case Scalar scalar:
                node = new YamlScalar(
                    scalar.Value,
                    scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded,
                    Position(scalar.Start),
                    Position(scalar.End),
                    scalar.Start.Line != scalar.End.Line);
                Remember(scalar.Anchor, node, anchors);
                break;
            case AnchorAlias alias:
                node = anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : new YamlScalar("", false, Position(alias.Start), Position(alias.End));
                break;
            case SequenceStart start:
                node = ReadSequence(parser, start, anchors, diagnostics, depth);
                Remember(start.Anchor, node, anchors);
                break;
            case MappingStart start:
                node = ReadMapping(parser, start, anchors, diagnostics, depth);
                Remember(start.Anchor, node, anchors);
                break;
            default:
                throw new YamlException(current.Start, current.End, "unexpected " + current.GetType().Name);
        }

        parser.MoveNext();
        return node;
    }

    private static YamlSequence ReadSequence(IParser parser, SequenceStart start, Dictionary<string, YamlNode> anchors, DiagnosticBag diagnostics, int depth)
    {
        var items = new List<YamlNode>();
        parser.MoveNext();
        while (parser.Current is not SequenceEnd)
        {
            items.Add(ReadNode(parser, anchors, diagnostics, depth + 1));
        }

        return new YamlSequence(items, Position(start.Start), Position(parser.Current.End));
    }

    private static YamlMapping ReadMapping(IParser parser, MappingStart start, Dictionary<string, YamlNode> anchors, DiagnosticBag diagnostics, int depth)
    {
        var entries = new List<YamlMappingEntry>();
        var seen = new Dictionary<string, YamlScalar>();
        parser.MoveNext();
        while (parser.Current is not MappingEnd)
        {
            var keyNode = ReadNode(parser, anchors, diagnostics, depth + 1);
            var value = ReadNode(parser, anchors, diagnostics, depth + 1);
            if (keyNode is not YamlScalar key)
            {
                diagnostics.Report(ConfigDiagnostics.YamlSyntax, keyNode.Start, "", "a key must be a plain value, not " + keyNode.KindName);
                continue;
            }

            if (seen.TryGetValue(key.Value, out var first))
            {
                diagnostics.Report(ConfigDiagnostics.DuplicateKey, key.Start, "", key.Value, first.Start.Line);
                continue;
            }

            seen.Add(key.Value, key);
            entries.Add(new YamlMappingEntry(key, value));
        }

        return new YamlMapping(entries, Position(start.Start), Position(parser.Current.End));
    }

    private static void Remember(AnchorName anchor, YamlNode node, Dictionary<string, YamlNode> anchors)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static int ReportTabs(string text, DiagnosticBag diagnostics)
    {
        var count = 0;
        var line = 1;
        var column = 1;
        var indenting = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                indenting = true;
                continue;
            }

            if (indenting && c == '\t')
            {
                diagnostics.Report(ConfigDiagnostics.TabIndentation, new YamlPosition(line, column), "");
                count++;
                indenting = false;
            }
            else if (c != ' ' && c != '\r')
            {
                indenting = false;
            }

            column++;
        }

        return count;
    }

    private static YamlPosition Position(Mark mark) => new((int)mark.Line, (int)mark.Column);
}
