namespace AiEtl.Sqlite;

/// <summary>The SQLite destination's configuration: the database file and table, what to do when the table is missing or differs, and how a run's rows combine with the table's.</summary>
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

    /// <summary>
    /// The page size in bytes (a power of two from 512 to 65536) of a database file this destination creates; an
    /// existing file keeps its own. 16384 rather than SQLite's 4096: a bulk load into 16 KB pages splits and writes a
    /// quarter as many pages, about a fifth less time for <c>sqlite3 .import</c> itself (docs/benchmarks.md).
    /// </summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The page size of a new database file unless <see cref="PageSize"/> says otherwise.</summary>
    public const int DefaultPageSize = 16384;
}
