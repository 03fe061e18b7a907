using System.Collections.Generic;
using System.Globalization;
using AiEtl.Configuration.Diagnostics;

namespace AiEtl.Configuration.Yaml;

/// <summary>
/// Applies <c>key.path=value</c> overrides (the CLI's <c>--set</c>) to a parsed tree before placeholders are resolved
/// and the tree is validated, so an override meets the same checks as the file. A missing mapping key is added; a
/// list item must exist. The new scalar takes the place of the node it replaces, for messages.
/// </summary>
internal static class YamlOverrides
{
    public static YamlNode Apply(YamlNode root, IReadOnlyList<string> overrides, DiagnosticBag diagnostics)
    {
        foreach (var item in overrides)
        {
            var equals = item.IndexOf('=');
            if (equals <= 0)
            {
                diagnostics.Report(ConfigDiagnostics.BadOverride, YamlPosition.Start, "", item, "is not key.path=value");
                continue;
            }

            var segments = Segments(item.Substring(0, equals));
            if (segments is null)
            {
                diagnostics.Report(ConfigDiagnostics.BadOverride, YamlPosition.Start, "", item, "has a malformed key path");
                continue;
            }

            var replaced = Set(root, segments, 0, item.Substring(equals + 1), out var problem);
            if (replaced is null)
            {
                diagnostics.Report(ConfigDiagnostics.BadOverride, YamlPosition.Start, "", item, problem);
                continue;
            }

            root = replaced;
        }

        return root;
    }

    private static YamlNode? Set(YamlNode node, List<object> segments, int index, string value, out string problem)
    {
        problem = "";
        if (index == segments.Count)
        {
            return new YamlScalar(value, false, node.Start, node.End);
        }

        if (segments[index] is int itemIndex)
        {
            if (node is not YamlSequence sequence || itemIndex >= sequence.Items.Count)
            {
                problem = "names list item " + itemIndex.ToString(CultureInfo.InvariantCulture) + ", which the file does not have";
                return null;
            }

            var child = Set(sequence.Items[itemIndex], segments, index + 1, value, out problem);
            if (child is null)
            {
                return null;
            }

            var items = new List<YamlNode>(sequence.Items);
            items[itemIndex] = child;
            return new YamlSequence(items, sequence.Start, sequence.End);
        }

        var name = (string)segments[index];
        var mapping = node as YamlMapping ?? (node is YamlScalar { IsNull: true } ? new YamlMapping([], node.Start, node.End) : null);
        if (mapping is null)
        {
            problem = "goes through '" + name + "' inside " + node.KindName + ", not a mapping";
            return null;
        }

        var entries = new List<YamlMappingEntry>(mapping.Entries);
        var at = entries.FindIndex(e => e.Key.Value == name);
        var current = at >= 0 ? entries[at].Value : new YamlScalar("", false, mapping.Start, mapping.Start);
        var updated = Set(current, segments, index + 1, value, out problem);
        if (updated is null)
        {
            return null;
        }

        if (at >= 0)
        {
            entries[at] = new YamlMappingEntry(entries[at].Key, updated);
        }
        else
        {
            entries.Add(new YamlMappingEntry(new YamlScalar(name, false, mapping.Start, mapping.Start), updated));
        }

        return new YamlMapping(entries, mapping.Start, mapping.End);
    }

    /// <summary><c>pipeline.transforms[1].config</c> as <c>"pipeline", "transforms", 1, "config"</c>; <see langword="null"/> when malformed.</summary>
    private static List<object>? Segments(string path)
    {
        var segments = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var name = part;
            var bracket = name.IndexOf('[');
            var rest = bracket >= 0 ? name.Substring(bracket) : "";
            name = bracket >= 0 ? name.Substring(0, bracket) : name;
            if (name.Length == 0)
            {
                return null;
            }

            segments.Add(name);
            while (rest.Length > 0)
            {
                var close = rest.IndexOf(']');
                if (rest[0] != '[' || close < 0 || !int.TryParse(rest.Substring(1, close - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                segments.Add(index);
                rest = rest.Substring(close + 1);
            }
        }

        return segments;
    }
}
