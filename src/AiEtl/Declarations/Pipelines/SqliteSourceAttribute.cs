namespace AiEtl;

/// <summary>The pipeline reads a SQLite table or query (<c>source.type: sqlite</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SqliteSourceAttribute : Attribute
{
    /// <summary>Reads the database at <paramref name="path"/>.</summary>
    /// <param name="path">The database file.</param>
    public SqliteSourceAttribute(string path)
    {
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The table to read; exclusive with <see cref="Query"/>.</summary>
    public string? Table { get; set; }

    /// <summary>A SELECT to read instead of a table.</summary>
    public string? Query { get; set; }

    /// <summary>The field that orders new rows, for incremental runs.</summary>
    public string? CursorColumn { get; set; }
}
