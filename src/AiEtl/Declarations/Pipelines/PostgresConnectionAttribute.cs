namespace AiEtl;

/// <summary>
/// How <see cref="PostgresSourceAttribute"/> and <see cref="PostgresDestinationAttribute"/> connect: the
/// <c>config</c> keys of the same names (<c>connection_string</c>, <c>host</c>, <c>port</c>, ...).
/// </summary>
public abstract class PostgresConnectionAttribute : Attribute
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
}
