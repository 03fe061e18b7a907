using System.Data;
using Npgsql;

namespace AiEtl.Postgres;

/// <summary>
/// Opens the connections of one source or destination, from the user's <see cref="NpgsqlDataSource"/> or from
/// the connection settings of <see cref="PostgresOptions"/>, and sorts failures into permanent and transient ones.
/// </summary>
internal sealed class PostgresConnector
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

    private readonly PostgresOptions _options;

    // The user's: connections are taken from it and given back to it, and it is never disposed here.
    private readonly NpgsqlDataSource? _dataSource;
    private readonly string? _connectionString;

    /// <summary>
    /// Connects through <paramref name="dataSource"/>, whose settings replace the connection settings of
    /// <paramref name="options"/>; without one, with those settings.
    /// </summary>
    public PostgresConnector(PostgresOptions options, NpgsqlDataSource? dataSource = null)
    {
        _options = options;
        if (dataSource is null)
        {
            var builder = Build();
            _connectionString = builder.ConnectionString;
            Server = Describe(builder);
            return;
        }

        if (options.ConnectionString is not null || options.Database is not null || options.Username is not null || options.Password is not null)
        {
            // Silently ignoring them would connect somewhere the user did not write.
            throw new PipelineConfigurationException("a PostgreSQL adapter given an NpgsqlDataSource connects through it: set the connection string, database, user and password on the data source, not in the options");
        }

        _dataSource = dataSource;

        // The data source's connection string carries no password unless Persist Security Info is set; only the server is read from it.
        Server = Describe(new NpgsqlConnectionStringBuilder(dataSource.ConnectionString));
    }

    /// <summary>The server and database, for messages and ids: <c>postgres://user@host:port/database</c>, never the password.</summary>
    public string Server { get; }

    /// <summary>The warnings about how the credentials were given.</summary>
    public IReadOnlyList<string> CredentialWarnings =>
        _options.Password is { Length: > 0 } password && !EnvironmentPlaceholders.Contains(password)
            ? ["PostgreSQL: the password is given as a literal; give it as an ${ENV} placeholder (password = \"${DB_PASSWORD}\") so it stays out of code and configuration"]
            : [];

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = _dataSource?.CreateConnection() ?? new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw ConnectError(error);
        }
    }

    /// <summary>Whether the connection died (server stopped, network lost), so the next attempt must reconnect.</summary>
    public static bool IsLost(NpgsqlConnection? connection) =>
        connection is null || connection.State != ConnectionState.Open || connection.FullState.HasFlag(ConnectionState.Broken);

    /// <summary>Removes the password (as given and as expanded) from a message, in case a driver ever echoes it.</summary>
    public string Mask(string message)
    {
        if (_options.Password is not { Length: > 0 } password)
        {
            return message;
        }

        message = message.Replace(password, "***", StringComparison.Ordinal);
        var expanded = Environment.GetEnvironmentVariable(PlaceholderName(password) ?? "");
        return expanded is { Length: > 0 } ? message.Replace(expanded, "***", StringComparison.Ordinal) : message;
    }

    private NpgsqlConnectionStringBuilder Build()
    {
        var options = _options;
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
            throw new PipelineConfigurationException($"the PostgreSQL connection string is invalid: {Mask(error.Message)}");
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

    private static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";

    // A permanent failure as a configuration error (not retried); anything else as a retried connection failure.
    private EtlException ConnectError(Exception error)
    {
        var message = Mask(error.Message);
        var location = new DataLocation(Server);
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

    // The variable of a password given as exactly one placeholder, such as ${DB_PASSWORD}.
    private static string? PlaceholderName(string password) =>
        password.StartsWith("${", StringComparison.Ordinal) && password.EndsWith('}') ? password[2..^1] : null;
}
