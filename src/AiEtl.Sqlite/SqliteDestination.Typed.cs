
namespace AiEtl.Sqlite;

/// <summary>A SQLite destination of typed <c>[EtlRecord]</c> rows, bound by their generated code.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class SqliteDestination<T> : SqliteDestination<T, GeneratedCodec<T>>
    where T : IEtlRecord<T>
{
    /// <summary>Creates a destination for the database and table in <paramref name="options"/>.</summary>
    public SqliteDestination(SqliteDestinationOptions options)
        : base(options, default)
    {
    }
}
