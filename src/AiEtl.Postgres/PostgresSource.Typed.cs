
namespace AiEtl.Postgres;

/// <summary>A PostgreSQL source of typed <c>[EtlRecord]</c> rows, built by their generated code.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class PostgresSource<T> : PostgresSource<T, GeneratedCodec<T>>
    where T : IEtlRecord<T>
{
    /// <summary>Creates a source for the table or query in <paramref name="options"/>.</summary>
    public PostgresSource(PostgresSourceOptions options)
        : base(options, default)
    {
    }
}
