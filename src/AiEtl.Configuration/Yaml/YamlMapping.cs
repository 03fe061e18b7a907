using System.Collections.Generic;

namespace AiEtl.Configuration.Yaml;

/// <summary>A mapping, its entries in file order (a duplicate key keeps its first entry; the reader reports the second).</summary>
public sealed class YamlMapping : YamlNode
{
    /// <summary>Creates a mapping.</summary>
    public YamlMapping(IReadOnlyList<YamlMappingEntry> entries, YamlPosition start, YamlPosition end)
        : base(start, end)
    {
        Entries = entries;
    }

    /// <summary>The entries in file order.</summary>
    public IReadOnlyList<YamlMappingEntry> Entries { get; }

    /// <summary>The entry with the key <paramref name="key"/>, or <see langword="null"/>.</summary>
    public YamlMappingEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string KindName => "a mapping";
}
