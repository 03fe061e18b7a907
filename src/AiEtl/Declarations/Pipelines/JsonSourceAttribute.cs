namespace AiEtl;

/// <summary>The pipeline reads a JSON array or JSON Lines file (<c>source.type: json</c>); the layout follows the extension.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class JsonSourceAttribute : Attribute
{
    /// <summary>Reads the JSON file at <paramref name="path"/>.</summary>
    /// <param name="path">The file, relative to <see cref="PipelineRunOptions.BaseDirectory"/>; <c>${VAR}</c> placeholders are resolved when the pipeline runs.</param>
    public JsonSourceAttribute(string path)
    {
        Path = path;
    }

    /// <summary>The file, relative to <see cref="PipelineRunOptions.BaseDirectory"/>; <c>${VAR}</c> placeholders are resolved when the pipeline runs.</summary>
    public string Path { get; }
}
