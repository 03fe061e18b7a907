
namespace AiEtl.Sqlite;

/// <summary>A SQLite source of typed <c>[EtlRecord]</c> rows, built by their generated code.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class SqliteSource<T> : SqliteSource<T, GeneratedCodec<T>>
    where T : IEtlRecord<T>
{
    /// <summary>Creates a source for the table or query in <paramref name="options"/>.</summary>
    public SqliteSource(SqliteSourceOptions options)
        : base(options, default)
    {
    }
}
