namespace AiEtl.Sqlite;

/// <summary>The SQLite destination's configuration (the seed's <c>path</c> and <c>table</c>, <c>schema_mode</c> and <c>write_mode</c>).</summary>
/// <param name="Path">The database file; created when missing.</param>
public sealed record SqliteDestinationOptions(string Path)
{
    /// <summary>The table; <see langword="null"/> for the schema's name.</summary>
    public string? Table { get; init; }

    /// <summary>What happens when the table is missing or exists.</summary>
    public SchemaMode SchemaMode { get; init; } = SchemaMode.CreateIfMissing;

    /// <summary>How the rows of a run combine with the rows already in the table.</summary>
    public WriteMode WriteMode { get; init; } = WriteMode.Append;

    /// <summary>
    /// When the existing table lacks nullable columns of the schema, add them (<c>ALTER TABLE ... ADD COLUMN</c>)
    /// instead of failing. Other differences are always refused.
    /// </summary>
    public bool EvolveSchema { get; init; }
}
