using System.Collections.Generic;

namespace AiEtl.Configuration.Catalog;

/// <summary>One adapter (a source, destination or transform type): its name, what it does and the keys of its <c>config</c>.</summary>
public sealed class AdapterSpec
{
    /// <summary>Creates an adapter's entry.</summary>
    public AdapterSpec(string name, string description, IReadOnlyList<ConfigKey> keys)
    {
        Name = name;
        Description = description;
        Keys = keys;
    }

    /// <summary>The name <c>type</c> takes.</summary>
    public string Name { get; }

    /// <summary>What it does.</summary>
    public string Description { get; }

    /// <summary>The keys of its <c>config</c>.</summary>
    public IReadOnlyList<ConfigKey> Keys { get; }

    /// <summary>The key named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public ConfigKey? Key(string name)
    {
        foreach (var key in Keys)
        {
            if (key.Name == name)
            {
                return key;
            }
        }

        return null;
    }
}
