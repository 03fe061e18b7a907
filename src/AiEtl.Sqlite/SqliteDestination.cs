using AiEtl.Fields;
using Microsoft.Data.Sqlite;

namespace AiEtl.Sqlite;

/// <summary>
/// Writes typed records to a SQLite table (the seed's SQLiteLoader): the table is created from the
/// record's schema, rows go in through one prepared <c>INSERT</c> inside the pipeline's transaction,
/// and the database runs in WAL mode so readers are not blocked by a load.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TCodec">How rows give their fields: <see cref="GeneratedCodec{T}"/> or <see cref="RecordCodec"/>.</typeparam>
public class SqliteDestination<T, TCodec> : Destination<T>
    where TCodec : struct, IRowCodec<T>
{
    private readonly SqliteDestinationOptions _options;
    private readonly TCodec _codec;
    private readonly string _table;
    private SqliteConnection? _connection;
    private SqliteTransaction? _transaction;
    private SqliteCommand? _insert;
    private SqliteParameter[] _parameters = [];

    /// <summary>Creates a destination for the database and table in <paramref name="options"/>.</summary>
    public SqliteDestination(SqliteDestinationOptions options, TCodec codec)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Path);
        _options = options;
        _codec = codec;
        _table = options.Table ?? codec.Schema.Name;
    }

    /// <inheritdoc />
    public override string DestinationType => "sqlite";

    /// <inheritdoc />
    public override string DestinationId => $"{_options.Path}#{_table}";

    /// <inheritdoc />
    public override async ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(_options.Path));
            Directory.CreateDirectory(directory!);
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = _options.Path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
            }.ToString();
            _connection = new SqliteConnection(connectionString);
            await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new ConnectionFailedException($"cannot open the SQLite database: {error.Message}", new DataLocation(_options.Path), error);
        }
    }

    /// <inheritdoc />
    public override async ValueTask CreateSchemaAsync(Schema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var location = new DataLocation(DestinationId);
        try
        {
            if (_options.SchemaMode == SchemaMode.DropAndCreate)
            {
                await ExecuteAsync($"DROP TABLE IF EXISTS {SqliteDialect.Quote(_table)}", cancellationToken).ConfigureAwait(false);
            }

            var existing = await ReadColumnsAsync(cancellationToken).ConfigureAwait(false);
            if (existing.Count == 0)
            {
                if (_options.SchemaMode == SchemaMode.FailIfMissing)
                {
                    throw new SchemaException($"the table '{_table}' does not exist and the schema mode is fail_if_missing", location);
                }

                await ExecuteAsync(SqliteDialect.CreateTable(schema, _table), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var missing = schema.Fields.Where(f => !existing.Contains(f.Name)).Select(f => f.Name).ToList();
                if (missing.Count > 0)
                {
                    throw new SchemaException(
                        $"the table '{_table}' exists but has no column {string.Join(", ", missing.Select(m => $"'{m}'"))} of schema {schema.Name} (it has: {string.Join(", ", existing)})",
                        location);
                }
            }

            PrepareInsert(schema);
        }
        catch (SqliteException error)
        {
            throw new SchemaException($"cannot create the table '{_table}': {error.Message}", location, error);
        }
    }

    /// <inheritdoc />
    public override ValueTask<int> WriteAsync(ReadOnlyMemory<T> rows, CancellationToken cancellationToken = default)
    {
        var insert = _insert ?? throw new InvalidOperationException("CreateSchemaAsync must run before WriteAsync");
        insert.Transaction = _transaction;
        var writer = new SqliteParameterWriter(_parameters);
        var span = rows.Span;
        var written = 0;
        try
        {
            for (; written < span.Length; written++)
            {
                _codec.Write(in span[written], ref writer);
                insert.ExecuteNonQuery();
            }
        }
        catch (SqliteException error)
        {
            throw new WriteException(
                $"row {written + 1} of the batch was rejected: {error.Message}",
                new DataLocation(DestinationId),
                error);
        }

        return ValueTask.FromResult(written);
    }

    /// <inheritdoc />
    public override ValueTask CloseAsync(CancellationToken cancellationToken = default)
    {
        _insert?.Dispose();
        _insert = null;
        _transaction?.Dispose();
        _transaction = null;
        _connection?.Dispose();
        _connection = null;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override async ValueTask OnBeginTransactionAsync(CancellationToken cancellationToken) =>
        _transaction = (SqliteTransaction)await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override async ValueTask OnCommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _transaction!.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error)
        {
            throw new WriteException($"the commit failed: {error.Message}", new DataLocation(DestinationId), error);
        }
        finally
        {
            await DisposeTransactionAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override async ValueTask OnRollbackAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_transaction is not null)
            {
                await _transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await DisposeTransactionAsync().ConfigureAwait(false);
        }
    }

    private SqliteConnection Connection => _connection ?? throw new InvalidOperationException("ConnectAsync must run first");

    private async ValueTask DisposeTransactionAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
            _transaction = null;
        }
    }

    private void PrepareInsert(Schema schema)
    {
        _insert = Connection.CreateCommand();
        _insert.CommandText = SqliteDialect.Insert(schema, _table);
        _parameters = new SqliteParameter[schema.Fields.Count];
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i] = _insert.Parameters.Add(SqliteDialect.ParameterName(i), SqliteType.Text);
            _parameters[i].SqliteType = SqliteDialect.ColumnType(schema.Fields[i].Type) switch
            {
                "INTEGER" => SqliteType.Integer,
                "REAL" => SqliteType.Real,
                _ => SqliteType.Text,
            };
        }

        _insert.Prepare();
    }

    private async Task<HashSet<string>> ReadColumnsAsync(CancellationToken cancellationToken)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", _table);
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
