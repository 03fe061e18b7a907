using System.Collections.Generic;
using AiEtl.Configuration.Catalog;
using AiEtl.Configuration.Yaml;

namespace AiEtl.Configuration.Model;

/// <summary>
/// A validated mapping: the keys that were set (or supplied by the environment), each with its value and position,
/// and the catalog's defaults for the others. The adapters' <c>config</c> sections are given to the runtime as these.
/// </summary>
public sealed class ConfigSection
{
    private static readonly IReadOnlyList<string> NoStrings = [];
    private static readonly IReadOnlyList<ConfigSection> NoSections = [];
    private readonly IReadOnlyList<ConfigKey> _keys;
    private readonly Dictionary<string, ConfigSetting> _settings;

    internal ConfigSection(string path, YamlPosition position, IReadOnlyList<ConfigKey> keys, Dictionary<string, ConfigSetting> settings)
    {
        Path = path;
        Position = position;
        _keys = keys;
        _settings = settings;
    }

    /// <summary>An empty section with the given keys' defaults.</summary>
    internal static ConfigSection Empty(string path, YamlPosition position, IReadOnlyList<ConfigKey> keys) => new(path, position, keys, []);

    /// <summary>The key path of the section, such as <c>pipeline.source.config</c>.</summary>
    public string Path { get; }

    /// <summary>Where the section starts (or its parent, when it was absent).</summary>
    public YamlPosition Position { get; }

    /// <summary>The keys that were set.</summary>
    public IReadOnlyDictionary<string, ConfigSetting> Settings => _settings;

    /// <summary>Whether <paramref name="name"/> was set (in the file or by the environment).</summary>
    public bool Has(string name) => _settings.ContainsKey(name);

    /// <summary>Where <paramref name="name"/> was set, else where the section is.</summary>
    public YamlPosition PositionOf(string name) => _settings.TryGetValue(name, out var setting) ? setting.Position : Position;

    /// <summary>Where item <paramref name="index"/> of the list <paramref name="name"/> was written, else where the list was set.</summary>
    public YamlPosition PositionOfItem(string name, int index) =>
        Get(name) is PositionedList list ? list.PositionAt(index, PositionOf(name)) : PositionOf(name);

    /// <summary>The key path of <paramref name="name"/>.</summary>
    public string PathOf(string name) => Path.Length == 0 ? name : Path + "." + name;

    /// <summary>The text of <paramref name="name"/>, or its default.</summary>
    public string? GetString(string name) => Get(name) as string;

    /// <summary>The whole number of <paramref name="name"/>, or its default.</summary>
    public long? GetInt64(string name) => Get(name) is long value ? value : null;

    /// <summary>The number of <paramref name="name"/>, or its default.</summary>
    public double? GetDouble(string name) => Get(name) switch
    {
        double value => value,
        long value => value,
        _ => null,
    };

    /// <summary>The boolean of <paramref name="name"/>, or its default.</summary>
    public bool? GetBoolean(string name) => Get(name) is bool value ? value : null;

    /// <summary>The list of <paramref name="name"/>; empty when absent.</summary>
    public IReadOnlyList<string> GetList(string name) => Get(name) as IReadOnlyList<string> ?? NoStrings;

    /// <summary>The mapping <paramref name="name"/>; an empty one (with defaults) when absent.</summary>
    public ConfigSection GetSection(string name)
    {
        if (Get(name) is ConfigSection section)
        {
            return section;
        }

        var key = Find(name);
        return Empty(PathOf(name), Position, key?.Children ?? []);
    }

    /// <summary>The list of mappings <paramref name="name"/>; empty when absent.</summary>
    public IReadOnlyList<ConfigSection> GetSections(string name) => Get(name) as IReadOnlyList<ConfigSection> ?? NoSections;

    /// <summary>The dictionary <paramref name="name"/> (field name to setting); empty when absent.</summary>
    public IReadOnlyDictionary<string, ConfigSetting> GetDictionary(string name) =>
        Get(name) as IReadOnlyDictionary<string, ConfigSetting> ?? new Dictionary<string, ConfigSetting>();

    /// <summary>The value of <paramref name="name"/> as <see cref="ConfigSetting.Value"/> describes, or the catalog's default, or <see langword="null"/>.</summary>
    public object? Get(string name) => _settings.TryGetValue(name, out var setting) ? setting.Value : Find(name)?.Default;

    private ConfigKey? Find(string name)
    {
        foreach (var key in _keys)
        {
            if (key.Name == name)
            {
                return key;
            }
        }

        return null;
    }
}
