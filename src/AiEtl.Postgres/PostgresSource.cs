using System.Data.Common;
using AiEtl.Internal;
using Npgsql;

namespace AiEtl.Postgres;

/// <summary>
/// Reads rows from a PostgreSQL table or query. Rows are streamed: Npgsql reads them off the socket as
/// they are consumed and holds one row at a time, so a table of any size reads in flat memory.
/// Incremental by a cursor column (see <see cref="DatabaseSource{T}"/> for the boundary rules).
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TCodec">How rows are built: <see cref="GeneratedCodec{T}"/>, or <see cref="RecordCodec"/> with a schema from <see cref="PostgresCatalog.GetSchemaAsync(PostgresSourceOptions, CancellationToken)"/>.</typeparam>
public class PostgresSource<T, TCodec> : DatabaseSource<T>, IReportsWarnings
    where TCodec : struct, IRowCodec<T>
{
    private readonly PostgresSourceOptions _options;
    private readonly PostgresConnector _connector;
    private readonly TCodec _codec;
    private NpgsqlConnection? _connection;

    /// <inheritdoc />
    public IReadOnlyList<string> Warnings => _connector.CredentialWarnings;

    /// <summary>Creates a source for the server in <paramref name="options"/> and its table or query.</summary>
    public PostgresSource(PostgresSourceOptions options, TCodec codec)
        : this(options, codec, dataSource: null)
    {
    }

    /// <summary>
    /// Creates a source that reads the table or query in <paramref name="options"/> through connections taken
    /// from <paramref name="dataSource"/> (its pooling, password provider and settings), which stays the caller's to dispose.
    /// </summary>
    public PostgresSource(NpgsqlDataSource dataSource, PostgresSourceOptions options, TCodec codec)
        : this(options, codec, dataSource ?? throw new ArgumentNullException(nameof(dataSource)))
    {
    }

    private PostgresSource(PostgresSourceOptions options, TCodec codec, NpgsqlDataSource? dataSource)
        : base(options?.CursorColumn, options?.KeyColumns)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireTableOrQuery(options.Table, options.Query, "PostgreSQL");
        _options = options;
        _codec = codec;
        _connector = new PostgresConnector(options, dataSource);
        SourceId = options.Table is { } table
            ? $"{_connector.Server}/{options.Schema}.{table}"
            : $"{_connector.Server}/{QueryId(options.Query!)}";
    }

    /// <inheritdoc />
    public override string SourceType => "postgres";

    /// <inheritdoc />
    public override string SourceId { get; }

    /// <inheritdoc />
    protected override Schema RowSchema => _codec.Schema;

    /// <inheritdoc />
    protected override string From => _options.Table is { } table
        ? PostgresDialect.QualifiedName(_options.Schema, table)
        : $"({_options.Query}) AS aietl_query";

    /// <inheritdoc />
    protected override string ParameterName => "$1";

    /// <inheritdoc />
    public override async ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        await CloseAsync(cancellationToken).ConfigureAwait(false);
        _connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
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
    protected override string Quote(string identifier) => PostgresDialect.Quote(identifier);

    /// <inheritdoc />
    protected override async ValueTask<DbDataReader> ExecuteAsync(string sql, object? boundary, CancellationToken cancellationToken)
    {
        var connection = _connection ?? throw new InvalidOperationException("ConnectAsync must run first");
        var command = new NpgsqlCommand(sql, connection);
        if (boundary is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = boundary });
        }

        try
        {
            return await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException error)
        {
            await command.DisposeAsync().ConfigureAwait(false);
            throw error is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.SyntaxError }
                ? new SchemaException($"the source query failed: {error.Message}", new DataLocation(SourceId), error)
                : new ReadException($"the source query failed: {_connector.Mask(error.Message)}", new DataLocation(SourceId), error);
        }
    }

    /// <inheritdoc />
    protected override T ReadRow(DbDataReader reader, int[] columns)
    {
        var fields = new PostgresFieldReader((NpgsqlDataReader)reader, columns, _codec.Schema);
        return _codec.Read(ref fields);
    }
}
