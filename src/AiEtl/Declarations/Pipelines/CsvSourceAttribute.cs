namespace AiEtl;

/// <summary>The pipeline reads a CSV file (<c>source.type: csv</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CsvSourceAttribute : Attribute
{
    /// <summary>Reads the CSV file at <paramref name="path"/>.</summary>
    /// <param name="path">The file, relative to <see cref="PipelineRunOptions.BaseDirectory"/>; <c>${VAR}</c> placeholders are resolved when the pipeline runs.</param>
    public CsvSourceAttribute(string path)
    {
        Path = path;
    }

    /// <summary>The file, relative to <see cref="PipelineRunOptions.BaseDirectory"/>; <c>${VAR}</c> placeholders are resolved when the pipeline runs.</summary>
    public string Path { get; }

    /// <summary>The field separator.</summary>
    public char Delimiter { get; set; } = ',';

    /// <summary>Whether the first row names the columns.</summary>
    public bool HasHeader { get; set; } = true;

    /// <summary>Whether spaces and tabs around unquoted values are removed.</summary>
    public bool TrimWhitespace { get; set; }

    /// <summary>Texts that mean null besides the empty field, such as <c>NULL</c>.</summary>
    public string[]? NullValues { get; set; }

    /// <summary>The culture of numbers and dates (<c>de-DE</c> for <c>1.234,56</c>); the invariant culture when absent.</summary>
    public string? Culture { get; set; }

    /// <summary>The text encoding (<c>utf-8</c>, <c>latin1</c>, ...); a byte order mark is honoured, UTF-8 assumed otherwise.</summary>
    public string? Encoding { get; set; }

    /// <summary>Exact formats of date fields, tried in order.</summary>
    public string[]? DateFormats { get; set; }
}
