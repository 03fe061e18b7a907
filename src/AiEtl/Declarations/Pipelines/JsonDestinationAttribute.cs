namespace AiEtl;

/// <summary>The pipeline writes a JSON array or JSON Lines file (<c>destination.type: json</c>); the layout follows the extension.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class JsonDestinationAttribute : Attribute
{
    /// <summary>Writes the JSON file at <paramref name="path"/>.</summary>
    /// <param name="path">The file, relative to <see cref="PipelineRunOptions.BaseDirectory"/>; <c>${VAR}</c> placeholders are resolved when the pipeline runs.</param>
    public JsonDestinationAttribute(string path)
    {
        Path = path;
    }

    /// <summary>The file, relative to <see cref="PipelineRunOptions.BaseDirectory"/>; <c>${VAR}</c> placeholders are resolved when the pipeline runs.</summary>
    public string Path { get; }

    /// <summary>Replace the file, or append to it.</summary>
    public WriteMode WriteMode { get; set; } = WriteMode.Append;
}
