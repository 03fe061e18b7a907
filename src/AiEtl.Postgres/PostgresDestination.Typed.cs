
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
}
