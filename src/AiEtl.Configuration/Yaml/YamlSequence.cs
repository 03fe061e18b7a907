using System.Collections.Generic;

namespace AiEtl.Configuration.Yaml;

/// <summary>A sequence (a YAML list).</summary>
public sealed class YamlSequence : YamlNode
{
    /// <summary>Creates a sequence.</summary>
    public YamlSequence(IReadOnlyList<YamlNode> items, YamlPosition start, YamlPosition end)
        : base(start, end)
    {
        Items = items;
    }

    /// <summary>The items in file order.</summary>
    public IReadOnlyList<YamlNode> Items { get; }

    /// <inheritdoc />
    public override string KindName => "a list";
}
