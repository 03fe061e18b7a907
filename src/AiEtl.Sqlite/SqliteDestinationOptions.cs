namespace AiEtl.Sqlite;

/// <summary>The SQLite destination's configuration (the seed's <c>path</c> and <c>table</c>, and <c>schema_mode</c>).</summary>
/// <param name="Path">The database file; created when missing.</param>
public sealed record SqliteDestinationOptions(string Path)
{
    /// <summary>The table; <see langword="null"/> for the schema's name.</summary>
    public string? Table { get; init; }

    /// <summary>What happens when the table is missing or exists.</summary>
    public SchemaMode SchemaMode { get; init; } = SchemaMode.CreateIfMissing;
}
