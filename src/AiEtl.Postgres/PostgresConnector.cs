using System.Data;
using Npgsql;

namespace AiEtl.Postgres;

/// <summary>Opens connections from <see cref="PostgresOptions"/> and sorts failures into permanent and transient ones.</summary>
internal static class PostgresConnector
{
    // Failures a retry cannot fix: a wrong password or user, a missing database, a refused permission.
    private static readonly HashSet<string> PermanentStates = new(StringComparer.Ordinal)
    {
        PostgresErrorCodes.InvalidPassword,
        PostgresErrorCodes.InvalidAuthorizationSpecification,
        PostgresErrorCodes.InvalidCatalogName,
        PostgresErrorCodes.InsufficientPrivilege,
        PostgresErrorCodes.InvalidSchemaName,
    };

    public static NpgsqlConnectionStringBuilder Build(PostgresOptions options)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = options.ConnectionString is { Length: > 0 } text
                ? new NpgsqlConnectionStringBuilder(text)
                : new NpgsqlConnectionStringBuilder
                {
                    Host = options.Host,
                    Port = options.Port,
                    Database = options.Database,
                    Username = options.Username,
                    SslMode = options.SslMode,
                };
        }
        catch (ArgumentException error)
        {
            // The connection string may hold the password: never echo it.
            throw new PipelineConfigurationException($"the PostgreSQL connection string is invalid: {Mask(error.Message, options)}");
        }

        if (options.Password is not null)
        {
            builder.Password = options.Password;
        }

        builder.Timeout = options.ConnectTimeoutSeconds;
        builder.CommandTimeout = options.CommandTimeoutSeconds;
        builder.ApplicationName ??= "aietl";

        // One connection per adapter for the whole run; no pool, so a restarted server leaves no dead connections behind.
        builder.Pooling = false;
        return builder;
    }

    /// <summary>The server and database, for messages: never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";

    public static async Task<NpgsqlConnection> OpenAsync(PostgresOptions options, CancellationToken cancellationToken)
    {
        var builder = Build(options);
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw ConnectError(error, options, Describe(builder));
        }
    }

    /// <summary>A permanent failure as a configuration error (not retried); anything else as a retried connection failure.</summary>
    public static EtlException ConnectError(Exception error, PostgresOptions options, string where)
    {
        var message = Mask(error.Message, options);
        var location = new DataLocation(where);
        if (error is PostgresException postgres && PermanentStates.Contains(postgres.SqlState))
        {
            return new PipelineConfigurationException($"cannot connect to PostgreSQL: {message}", location);
        }

        if (error is NpgsqlException && message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            // "No password has been provided but the backend requires one" and its kin.
            return new PipelineConfigurationException($"cannot connect to PostgreSQL: {message}", location);
        }

        return new ConnectionFailedException($"cannot connect to PostgreSQL (will retry): {message}", location, error);
    }

    /// <summary>Whether the connection died (server stopped, network lost), so the next attempt must reconnect.</summary>
    public static bool IsLost(NpgsqlConnection? connection) =>
        connection is null || connection.State != ConnectionState.Open || connection.FullState.HasFlag(ConnectionState.Broken);

    /// <summary>Removes the password from a message, in case a driver ever echoes it.</summary>
    public static string Mask(string message, PostgresOptions options) =>
        options.Password is { Length: > 0 } password ? message.Replace(password, "***", StringComparison.Ordinal) : message;
}
