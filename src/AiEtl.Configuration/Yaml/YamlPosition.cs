namespace AiEtl.Configuration.Yaml;

/// <summary>A place in a YAML file: 1-based line and column, as compilers and editors count them.</summary>
/// <param name="Line">The line, from 1.</param>
/// <param name="Column">The column, from 1.</param>
public readonly record struct YamlPosition(int Line, int Column)
{
    /// <summary>The start of a file.</summary>
    public static YamlPosition Start { get; } = new(1, 1);

    /// <inheritdoc />
    public override string ToString() => Line + "," + Column;
}
