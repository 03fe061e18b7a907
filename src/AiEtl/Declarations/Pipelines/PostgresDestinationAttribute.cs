namespace AiEtl;

/// <summary>The pipeline loads a PostgreSQL table (<c>destination.type: postgres</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PostgresDestinationAttribute : PostgresConnectionAttribute
{
    /// <summary>The table; the record's schema name when absent.</summary>
    public string? Table { get; set; }

    /// <summary>How the run's rows combine with the table's.</summary>
    public WriteMode WriteMode { get; set; } = WriteMode.Append;

    /// <summary>What happens when the table is missing.</summary>
    public SchemaMode SchemaMode { get; set; } = SchemaMode.CreateIfMissing;
}
