using System.Data.Common;
using AiEtl.Internal;
using Microsoft.Data.Sqlite;

namespace AiEtl.Sqlite;

/// <summary>
/// Reads rows from a SQLite table or query, streamed row by row (SQLite steps the statement as rows are
/// consumed). Incremental by a cursor column (see <see cref="DatabaseSource{T}"/> for the boundary rules).
/// The connection is read-only, so a source never changes the file.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TCodec">How rows are built: <see cref="GeneratedCodec{T}"/>, or <see cref="RecordCodec"/> with a schema from <see cref="SqliteCatalog.GetSchemaAsync"/>.</typeparam>
public class SqliteSource<T, TCodec> : DatabaseSource<T>
    where TCodec : struct, IRowCodec<T>
{
    private readonly SqliteSourceOptions _options;
    private readonly TCodec _codec;
    private SqliteConnection? _connection;

    /// <summary>Creates a source for the table or query in <paramref name="options"/>.</summary>
    public SqliteSource(SqliteSourceOptions options, TCodec codec)
        : base(options?.CursorColumn, options?.KeyColumns)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Path);
        RequireTableOrQuery(options.Table, options.Query, "SQLite");
        _options = options;
        _codec = codec;
        SourceId = options.Table is { } table
            ? $"{Path.GetFullPath(options.Path)}#{table}"
            : $"{Path.GetFullPath(options.Path)}#{QueryId(options.Query!)}";
    }

    /// <inheritdoc />
    public override string SourceType => "sqlite";

    /// <inheritdoc />
    public override string SourceId { get; }

    /// <inheritdoc />
    protected override Schema RowSchema => _codec.Schema;

    /// <inheritdoc />
    protected override string From => _options.Table is { } table ? SqliteDialect.Quote(table) : $"({_options.Query}) AS aietl_query";

    /// <inheritdoc />
    protected override string ParameterName => "$boundary";

    /// <inheritdoc />
    public override async ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        await CloseAsync(cancellationToken).ConfigureAwait(false);
        if (!File.Exists(_options.Path))
        {
            throw new PipelineConfigurationException("the SQLite database does not exist", new DataLocation(_options.Path));
        }

        try
        {
            _connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = _options.Path,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString());
            await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error)
        {
            throw new ConnectionFailedException($"cannot open the SQLite database: {error.Message}", new DataLocation(_options.Path), error);
        }
    }

    /// <inheritdoc />
    public override async ValueTask CloseAsync(CancellationToken cancellationToken = default)
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    /// <inheritdoc />
    protected override string Quote(string identifier) => SqliteDialect.Quote(identifier);

    /// <inheritdoc />
    protected override async ValueTask<DbDataReader> ExecuteAsync(string sql, object? boundary, CancellationToken cancellationToken)
    {
        var connection = _connection ?? throw new InvalidOperationException("ConnectAsync must run first");
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (boundary is not null)
        {
            command.Parameters.AddWithValue(ParameterName, boundary);
        }

        try
        {
            return await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error)
        {
            await command.DisposeAsync().ConfigureAwait(false);
            throw new SchemaException($"the source query failed: {error.Message}", new DataLocation(SourceId), error);
        }
    }

    /// <inheritdoc />
    protected override T ReadRow(DbDataReader reader, int[] columns)
    {
        var fields = new SqliteFieldReader((SqliteDataReader)reader, columns);
        return _codec.Read(ref fields);
    }
}
