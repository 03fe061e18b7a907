using System.Collections.Generic;
using AiEtl.Configuration.Yaml;

namespace AiEtl.Configuration.Model;

/// <summary>The texts of a list key with where each item was written, so a check on one item reports at that item.</summary>
internal sealed class PositionedList : List<string>
{
    public List<YamlPosition> Positions { get; } = [];

    public void Add(string value, YamlPosition position)
    {
        Add(value);
        Positions.Add(position);
    }

    public YamlPosition PositionAt(int index, YamlPosition fallback) => index < Positions.Count ? Positions[index] : fallback;
}
