namespace AiEtl;

/// <summary>The pipeline writes a CSV file (<c>destination.type: csv</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CsvDestinationAttribute : Attribute
{
    /// <summary>Writes the CSV file at <paramref name="path"/>.</summary>
    /// <param name="path">The file, relative to <see cref="PipelineRunOptions.BaseDirectory"/>; <c>${VAR}</c> placeholders are resolved when the pipeline runs.</param>
    public CsvDestinationAttribute(string path)
    {
        Path = path;
    }

    /// <summary>The file, relative to <see cref="PipelineRunOptions.BaseDirectory"/>; <c>${VAR}</c> placeholders are resolved when the pipeline runs.</summary>
    public string Path { get; }

    /// <summary>The field separator.</summary>
    public char Delimiter { get; set; } = ',';

    /// <summary>Replace the file, or append to it.</summary>
    public WriteMode WriteMode { get; set; } = WriteMode.Append;
}
