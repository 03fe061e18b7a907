using System.Text;
using Npgsql;

namespace AiEtl.Postgres;

/// <summary>
/// Where a PostgreSQL source or destination connects: host, port, database, user, password, SSL mode and
/// timeouts, or a full Npgsql connection string; and the PostgreSQL <see cref="Schema"/> of its table.
/// </summary>
/// <remarks>
/// <para>
/// Give the password from a secret (an <c>${ENV}</c> placeholder resolved by the configuration, an
/// environment variable), never as a literal in code. <see cref="object.ToString"/> masks it.
/// </para>
/// <para>
/// An adapter built with an <see cref="NpgsqlDataSource"/> connects through it instead, with the data
/// source's settings (pooling, password provider, timeouts); its options then say only where the table is,
/// and setting <see cref="ConnectionString"/>, <see cref="Database"/>, <see cref="Username"/> or
/// <see cref="Password"/> beside the data source is a <see cref="PipelineConfigurationException"/>.
/// </para>
/// </remarks>
public abstract record PostgresOptions
{
    /// <summary>A full Npgsql connection string; when set, it is used as is, except that <see cref="Password"/>, when given, overrides its password.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The server's host name or address.</summary>
    public string Host { get; init; } = "localhost";

    /// <summary>The server's port.</summary>
    public int Port { get; init; } = 5432;

    /// <summary>The database.</summary>
    public string? Database { get; init; }

    /// <summary>The PostgreSQL schema (namespace) of the table.</summary>
    public string Schema { get; init; } = "public";

    /// <summary>The user name.</summary>
    public string? Username { get; init; }

    /// <summary>The password; never shown in messages or in <see cref="object.ToString"/>.</summary>
    public string? Password { get; init; }

    /// <summary>The SSL mode (Npgsql's <c>SSL Mode</c>).</summary>
    public SslMode SslMode { get; init; } = SslMode.Prefer;

    /// <summary>Seconds to wait for a connection before the attempt fails (and is retried by the pipeline's policy).</summary>
    public int ConnectTimeoutSeconds { get; init; } = 15;

    /// <summary>Seconds a statement may run; 0 for no limit.</summary>
    public int CommandTimeoutSeconds { get; init; } = 300;

    /// <summary>Prints the settings with the password and connection string masked.</summary>
    protected virtual bool PrintMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append("Host = ").Append(Host).Append(", Port = ").Append(Port)
            .Append(", Database = ").Append(Database).Append(", Schema = ").Append(Schema)
            .Append(", Username = ").Append(Username)
            .Append(", Password = ").Append(Password is null ? "" : "***")
            .Append(", ConnectionString = ").Append(ConnectionString is null ? "" : "***")
            .Append(", SslMode = ").Append(SslMode);
        return true;
    }
}
