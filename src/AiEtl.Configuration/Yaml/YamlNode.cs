namespace AiEtl.Configuration.Yaml;

/// <summary>A node of a parsed YAML document that remembers where it starts and ends.</summary>
public abstract class YamlNode
{
    private protected YamlNode(YamlPosition start, YamlPosition end)
    {
        Start = start;
        End = end;
    }

    /// <summary>Where the node starts.</summary>
    public YamlPosition Start { get; }

    /// <summary>Where the node ends (just past its last character).</summary>
    public YamlPosition End { get; }

    /// <summary>What a user calls this kind of node in a message: "a mapping", "a list", "a value".</summary>
    public abstract string KindName { get; }
}
