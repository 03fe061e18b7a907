namespace AiEtl.Sqlite;

/// <summary>The SQLite source's configuration: the database file, a table or a query, and an optional incremental cursor.</summary>
/// <param name="Path">The database file; it must exist.</param>
public sealed record SqliteSourceOptions(string Path)
{
    /// <summary>The table to read; exclusive with <see cref="Query"/>.</summary>
    public string? Table { get; init; }

    /// <summary>A <c>SELECT</c> to read instead of a table; its columns are matched to the schema's fields by name.</summary>
    public string? Query { get; init; }

    /// <summary>The column that orders rows for incremental reads; <see langword="null"/> to read everything each run.</summary>
    public string? CursorColumn { get; init; }

    /// <summary>The columns that identify a row, to keep rows that share the boundary cursor value exact; defaults to the schema's primary key.</summary>
    public IReadOnlyList<string>? KeyColumns { get; init; }
}
