using Npgsql;

namespace AiEtl.Postgres;

/// <summary>A PostgreSQL destination of typed <c>[EtlRecord]</c> rows, written by their generated code.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class PostgresDestination<T> : PostgresDestination<T, GeneratedCodec<T>>
    where T : IEtlRecord<T>
{
    /// <summary>Creates a destination for the server and table in <paramref name="options"/>.</summary>
    public PostgresDestination(PostgresDestinationOptions options)
        : base(options, default)
    {
    }

    /// <summary>
    /// Creates a destination that writes to the table in <paramref name="options"/> through connections taken
    /// from <paramref name="dataSource"/>, which stays the caller's to dispose.
    /// </summary>
    public PostgresDestination(NpgsqlDataSource dataSource, PostgresDestinationOptions options)
        : base(dataSource, options, default)
    {
    }
}
