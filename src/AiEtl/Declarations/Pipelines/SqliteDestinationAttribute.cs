namespace AiEtl;

/// <summary>The pipeline loads a SQLite table (<c>destination.type: sqlite</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SqliteDestinationAttribute : Attribute
{
    /// <summary>Loads the database at <paramref name="path"/>.</summary>
    /// <param name="path">The database file; created when missing.</param>
    public SqliteDestinationAttribute(string path)
    {
        Path = path;
    }

    /// <summary>The database file; created when missing.</summary>
    public string Path { get; }

    /// <summary>The table; the record's schema name when absent.</summary>
    public string? Table { get; set; }

    /// <summary>How the run's rows combine with the table's.</summary>
    public WriteMode WriteMode { get; set; } = WriteMode.Append;

    /// <summary>What happens when the table is missing.</summary>
    public SchemaMode SchemaMode { get; set; } = SchemaMode.CreateIfMissing;
}
