using AiEtl.Configuration.Yaml;

namespace AiEtl.Configuration.Model;

/// <summary>A source, destination or transform: its type and its validated <c>config</c>.</summary>
public sealed class AdapterSettings
{
    /// <summary>The type (<c>csv</c>, <c>postgres</c>, <c>deduplicator</c>, ...).</summary>
    public string Type { get; init; } = "";

    /// <summary>The validated <c>config</c>, with the catalog's defaults for absent keys.</summary>
    public ConfigSection Config { get; init; } = ConfigSection.Empty("", YamlPosition.Start, []);

    /// <summary>The key path of the adapter (<c>pipeline.transforms[1]</c>).</summary>
    public string Path { get; init; } = "";

    /// <summary>Where the adapter is declared.</summary>
    public YamlPosition Position { get; init; }
}
