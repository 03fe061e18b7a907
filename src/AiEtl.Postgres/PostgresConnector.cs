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
                ? new NpgsqlConnectionStringBuilder(EnvironmentPlaceholders.Expand(text, "connection string"))
                : new NpgsqlConnectionStringBuilder
                {
                    Host = EnvironmentPlaceholders.Expand(options.Host, "host"),
                    Port = options.Port,
                    Database = EnvironmentPlaceholders.Expand(options.Database, "database"),
                    Username = EnvironmentPlaceholders.Expand(options.Username, "username"),
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
            builder.Password = EnvironmentPlaceholders.Expand(options.Password, "password");
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

    /// <summary>Removes the password (as given and as expanded) from a message, in case a driver ever echoes it.</summary>
    public static string Mask(string message, PostgresOptions options)
    {
        if (options.Password is not { Length: > 0 } password)
        {
            return message;
        }

        message = message.Replace(password, "***", StringComparison.Ordinal);
        var expanded = Environment.GetEnvironmentVariable(PlaceholderName(password) ?? "");
        return expanded is { Length: > 0 } ? message.Replace(expanded, "***", StringComparison.Ordinal) : message;
    }

    /// <summary>The warnings about how the credentials were given.</summary>
    public static IReadOnlyList<string> CredentialWarnings(PostgresOptions options) =>
        options.Password is { Length: > 0 } password && !EnvironmentPlaceholders.Contains(password)
            ? ["PostgreSQL: the password is given as a literal; give it as an ${ENV} placeholder (password = \"${DB_PASSWORD}\") so it stays out of code and configuration"]
            : [];

    // The variable of a password given as exactly one placeholder, such as ${DB_PASSWORD}.
    private static string? PlaceholderName(string password) =>
        password.StartsWith("${", StringComparison.Ordinal) && password.EndsWith('}') ? password[2..^1] : null;
}
