using AiEtl.Configuration.Catalog;
using AiEtl.Configuration.Yaml;

namespace AiEtl.Configuration.Model;

/// <summary>One validated key: its value in the CLR type of its kind, and where it was set.</summary>
public sealed class ConfigSetting
{
    internal ConfigSetting(ConfigKey key, object value, YamlPosition position, string? fromVariable = null)
    {
        Key = key;
        Value = value;
        Position = position;
        FromVariable = fromVariable;
    }

    /// <summary>The key's catalog entry.</summary>
    public ConfigKey Key { get; }

    /// <summary>
    /// The value: a <see cref="string"/>, <see cref="long"/>, <see cref="double"/> or <see cref="bool"/>; an
    /// <c>IReadOnlyList&lt;string&gt;</c> for a list; a <see cref="ConfigSection"/> for a mapping; an
    /// <c>IReadOnlyList&lt;ConfigSection&gt;</c> for a list of mappings; an
    /// <c>IReadOnlyDictionary&lt;string, ConfigSetting&gt;</c> for a dictionary.
    /// </summary>
    public object Value { get; }

    /// <summary>Where the value was written; for an environment default, the mapping it was added to.</summary>
    public YamlPosition Position { get; }

    /// <summary>The environment variable that supplied the value because the key was absent, or <see langword="null"/>.</summary>
    public string? FromVariable { get; }
}
