using Npgsql;

namespace AiEtl.Postgres;

/// <summary>A PostgreSQL source of typed <c>[EtlRecord]</c> rows, built by their generated code.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class PostgresSource<T> : PostgresSource<T, GeneratedCodec<T>>
    where T : IEtlRecord<T>
{
    /// <summary>Creates a source for the server in <paramref name="options"/> and its table or query.</summary>
    public PostgresSource(PostgresSourceOptions options)
        : base(options, default)
    {
    }

    /// <summary>
    /// Creates a source that reads the table or query in <paramref name="options"/> through connections taken
    /// from <paramref name="dataSource"/>, which stays the caller's to dispose.
    /// </summary>
    public PostgresSource(NpgsqlDataSource dataSource, PostgresSourceOptions options)
        : base(dataSource, options, default)
    {
    }
}
