namespace AiEtl;

/// <summary>The pipeline reads a PostgreSQL table or query (<c>source.type: postgres</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PostgresSourceAttribute : PostgresConnectionAttribute
{
    /// <summary>The table to read; exclusive with <see cref="Query"/>.</summary>
    public string? Table { get; set; }

    /// <summary>A SELECT to read instead of a table.</summary>
    public string? Query { get; set; }

    /// <summary>The field that orders new rows, for incremental runs.</summary>
    public string? CursorColumn { get; set; }
}
