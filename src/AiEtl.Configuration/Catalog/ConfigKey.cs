using System.Collections.Generic;

namespace AiEtl.Configuration.Catalog;

/// <summary>
/// One key of the configuration: its name, the kind of value it takes, its constraints and default, and, for a
/// mapping, the keys inside it. The validator, the JSON Schema and the reference page are all read from these.
/// </summary>
public sealed class ConfigKey
{
    /// <summary>Creates a key.</summary>
    public ConfigKey(string name, ConfigValueKind kind, string description)
    {
        Name = name;
        Kind = kind;
        Description = description;
    }

    /// <summary>The key as written in YAML (snake_case).</summary>
    public string Name { get; }

    /// <summary>What kind of value it takes.</summary>
    public ConfigValueKind Kind { get; }

    /// <summary>What it means, one sentence.</summary>
    public string Description { get; }

    /// <summary>Whether the key must be present (after environment defaults are applied).</summary>
    public bool Required { get; init; }

    /// <summary>The value used when the key is absent: a <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> or <see cref="string"/>, or <see langword="null"/>.</summary>
    public object? Default { get; init; }

    /// <summary>The smallest number allowed (inclusive), for numbers.</summary>
    public double? Minimum { get; init; }

    /// <summary>The largest number allowed (inclusive), for numbers.</summary>
    public double? Maximum { get; init; }

    /// <summary>The values an <see cref="ConfigValueKind.Enum"/> takes (and the items of a <see cref="ConfigValueKind.StringList"/> that has them).</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>Whether <see cref="AllowedValues"/> match without regard to case (log levels).</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>The keys of a <see cref="ConfigValueKind.Mapping"/> or of each item of a <see cref="ConfigValueKind.MappingList"/>.</summary>
    public IReadOnlyList<ConfigKey> Children { get; init; } = [];

    /// <summary>The value of each entry of a <see cref="ConfigValueKind.Dictionary"/>; the key's name is unused.</summary>
    public ConfigKey? Values { get; init; }

    /// <summary>What the keys of a <see cref="ConfigValueKind.Dictionary"/> are, for the reference page: field names unless said.</summary>
    public string EntryKeys { get; init; } = "field name";

    /// <summary>
    /// For a mapping whose <c>config</c> depends on its <c>type</c> (a source, destination or transform): the adapters,
    /// whose names <c>type</c> takes and whose keys <c>config</c> holds.
    /// </summary>
    public AdapterFamily? Family { get; init; }

    /// <summary>The environment variable that supplies the value when the key is absent (the seed's <c>.env</c>).</summary>
    public string? EnvironmentVariable { get; init; }

    /// <summary>A sibling key whose presence disables <see cref="EnvironmentVariable"/> (a connection string replaces host, port, ...).</summary>
    public string? NoEnvironmentDefaultWith { get; init; }

    /// <summary>Whether the value is a secret: written as a literal it draws a warning, and it is never printed.</summary>
    public bool IsSecret { get; init; }

    /// <summary>Whether the value names fields of the row schema, which a declared schema must have.</summary>
    public bool NamesFields { get; init; }

    /// <summary>The child key named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public ConfigKey? Child(string name)
    {
        foreach (var child in Children)
        {
            if (child.Name == name)
            {
                return child;
            }
        }

        return null;
    }
}
