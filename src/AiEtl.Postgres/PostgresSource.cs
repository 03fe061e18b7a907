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
/// <typeparam name="TCodec">How rows are built: <see cref="GeneratedCodec{T}"/>, or <see cref="RecordCodec"/> with a schema from <see cref="PostgresCatalog.GetSchemaAsync"/>.</typeparam>
public class PostgresSource<T, TCodec> : DatabaseSource<T>, IReportsWarnings
    where TCodec : struct, IRowCodec<T>
{
    private readonly PostgresSourceOptions _options;
    private readonly TCodec _codec;
    private NpgsqlConnection? _connection;

    /// <inheritdoc />
    public IReadOnlyList<string> Warnings => PostgresConnector.CredentialWarnings(_options);

    /// <summary>Creates a source for the table or query in <paramref name="options"/>.</summary>
    public PostgresSource(PostgresSourceOptions options, TCodec codec)
        : base(options?.CursorColumn, options?.KeyColumns)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireTableOrQuery(options.Table, options.Query, "PostgreSQL");
        _options = options;
        _codec = codec;
        var server = PostgresConnector.Describe(PostgresConnector.Build(options));
        SourceId = options.Table is { } table
            ? $"{server}/{options.Schema}.{table}"
            : $"{server}/{QueryId(options.Query!)}";
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
        _connection = await PostgresConnector.OpenAsync(_options, cancellationToken).ConfigureAwait(false);
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
                : new ReadException($"the source query failed: {PostgresConnector.Mask(error.Message, _options)}", new DataLocation(SourceId), error);
        }
    }

    /// <inheritdoc />
    protected override T ReadRow(DbDataReader reader, int[] columns)
    {
        var fields = new PostgresFieldReader((NpgsqlDataReader)reader, columns, _codec.Schema);
        return _codec.Read(ref fields);
    }
}
