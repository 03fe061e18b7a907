namespace AiEtl.Postgres;

/// <summary>The PostgreSQL destination's configuration: the server and table, what to do when the table is missing or differs, and how a run's rows combine with the table's.</summary>
public sealed record PostgresDestinationOptions : PostgresOptions
{
    /// <summary>The table; <see langword="null"/> for the record schema's name.</summary>
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
