using System.Collections.Generic;
using System.Globalization;
using System.Text;
using AiEtl.Configuration.Yaml;

namespace AiEtl.Generators;

/// <summary>
/// Writes the pipeline file that a <c>[Pipeline&lt;T&gt;]</c> class's attributes stand for, one setting per line, and
/// remembers which attribute argument each line came from. The configuration model then checks it with every rule
/// of a <c>*.etl.yaml</c> file, and its diagnostics land on the C# attribute argument that set the value.
/// </summary>
internal sealed class PipelineYamlWriter(LocationInfo fallback)
{
    private readonly StringBuilder _text = new();
    private readonly List<LocationInfo> _lines = [];

    public string Text => _text.ToString();

    /// <summary>The location of the line at <paramref name="position"/>, else the <c>[Pipeline]</c> attribute's.</summary>
    public LocationInfo Locate(YamlPosition position) =>
        position.Line >= 1 && position.Line <= _lines.Count ? _lines[position.Line - 1] : fallback;

    /// <summary>A key that opens a mapping (<c>source:</c>) or a list item (<c>- type: deduplicator</c>).</summary>
    public void Open(int depth, string key, LocationInfo? location) => Line(depth, key + ":", location);

    /// <summary>A list item that starts with <paramref name="key"/>: <c>- type: deduplicator</c>; its other keys are one level deeper.</summary>
    public void Item(int depth, string key, object value, LocationInfo? location) => Line(depth, "- " + key + ": " + Format(value), location);

    public void Scalar(int depth, string key, object? value, LocationInfo? location)
    {
        if (value is not null)
        {
            Line(depth, key + ": " + Format(value), location);
        }
    }

    public void List(int depth, string key, IReadOnlyList<string> values, LocationInfo? location)
    {
        var items = new List<string>();
        foreach (var value in values)
        {
            items.Add(Quote(value));
        }

        Line(depth, key + ": [" + string.Join(", ", items) + "]", location);
    }

    private void Line(int depth, string content, LocationInfo? location)
    {
        _text.Append(' ', depth * 2).Append(content).Append('\n');
        _lines.Add(location ?? fallback);
    }

    private static string Format(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        int whole => whole.ToString(CultureInfo.InvariantCulture),
        long whole => whole.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        char c => Quote(c.ToString()),
        RawYaml raw => raw.Text,
        _ => Quote(value.ToString() ?? ""),
    };

    // A YAML double-quoted scalar takes the escapes of a C# string literal that matter here.
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t") + "\"";

    /// <summary>A value written as it is (an enum member's snake_case name).</summary>
    public sealed record RawYaml(string Text);
}
