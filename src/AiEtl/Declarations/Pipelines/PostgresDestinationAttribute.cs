namespace AiEtl;

/// <summary>The pipeline loads a PostgreSQL table (<c>destination.type: postgres</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PostgresDestinationAttribute : Attribute
{
    /// <summary>An Npgsql connection string, instead of the separate settings.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The server.</summary>
    public string? Host { get; set; }

    /// <summary>The port.</summary>
    public int Port { get; set; } = 5432;

    /// <summary>The database.</summary>
    public string? Database { get; set; }

    /// <summary>The user.</summary>
    public string? Username { get; set; }

    /// <summary>The password: write a <c>${VAR}</c> placeholder, never the password.</summary>
    public string? Password { get; set; }

    /// <summary>The table; the record's schema name when absent.</summary>
    public string? Table { get; set; }

    /// <summary>How the run's rows combine with the table's.</summary>
    public WriteMode WriteMode { get; set; } = WriteMode.Append;

    /// <summary>What happens when the table is missing.</summary>
    public SchemaMode SchemaMode { get; set; } = SchemaMode.CreateIfMissing;
}
