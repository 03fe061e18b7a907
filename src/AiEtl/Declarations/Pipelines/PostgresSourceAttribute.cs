namespace AiEtl;

/// <summary>The pipeline reads a PostgreSQL table or query (<c>source.type: postgres</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PostgresSourceAttribute : Attribute
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

    /// <summary>The table to read; exclusive with <see cref="Query"/>.</summary>
    public string? Table { get; set; }

    /// <summary>A SELECT to read instead of a table.</summary>
    public string? Query { get; set; }

    /// <summary>The field that orders new rows, for incremental runs.</summary>
    public string? CursorColumn { get; set; }
}
