using AiEtl.Internal;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AiEtl.Sqlite;

/// <summary>
/// Writes typed records to a SQLite table (the seed's SQLiteLoader): the table is created from the
/// record's schema, rows go in through one prepared <c>INSERT</c> inside the pipeline's transaction,
/// and the database runs in WAL mode so readers are not blocked by a load. <see cref="WriteMode"/>
/// decides between append, an atomic replace through a staging table swapped in by
/// <see cref="CompleteAsync"/>, and a merge (<c>INSERT ... ON CONFLICT (key) DO UPDATE</c>).
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TCodec">How rows give their fields: <see cref="GeneratedCodec{T}"/> or <see cref="RecordCodec"/>.</typeparam>
public class SqliteDestination<T, TCodec> : Destination<T>, ICompletableDestination
    where TCodec : struct, IRowCodec<T>
{
    private readonly SqliteDestinationOptions _options;
    private readonly TCodec _codec;
    private readonly string _table;
    private SqliteConnection? _connection;
    private SqliteTransaction? _transaction;
    private sqlite3_stmt? _insert;
    private byte[] _textBuffer = new byte[1024];
    private Schema? _schema;
    private string? _staging;
    private bool _completed;

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
        if (_options.WriteMode == WriteMode.Merge && schema.PrimaryKey is not { Count: > 0 })
        {
            throw new SchemaException($"write mode merge needs a primary key, and schema {schema.Name} has none; declare one with [PrimaryKey] or use append or replace", location);
        }

        try
        {
            if (_options.SchemaMode == SchemaMode.DropAndCreate)
            {
                await ExecuteAsync($"DROP TABLE IF EXISTS {SqliteDialect.Quote(_table)}", cancellationToken).ConfigureAwait(false);
            }

            var existing = await ReadColumnsAsync(_table, cancellationToken).ConfigureAwait(false);
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
                await MatchExistingAsync(schema, existing, location, cancellationToken).ConfigureAwait(false);
            }

            _schema = schema;
            var target = _table;
            if (_options.WriteMode == WriteMode.Replace)
            {
                // A stale staging table from a run that died is dropped first.
                _staging = _table + "__aietl_staging";
                await ExecuteAsync($"DROP TABLE IF EXISTS {SqliteDialect.Quote(_staging)}", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(SqliteDialect.CreateTable(schema, _staging, ifNotExists: false), cancellationToken).ConfigureAwait(false);
                target = _staging;
            }

            PrepareInsert(schema, target);
        }
        catch (SqliteException error)
        {
            throw new SchemaException($"cannot prepare the table '{_table}' for write mode {_options.WriteMode}: {error.Message}", location, error);
        }
    }

    /// <inheritdoc />
    public override ValueTask<int> WriteAsync(ReadOnlyMemory<T> rows, CancellationToken cancellationToken = default)
    {
        var insert = _insert ?? throw new InvalidOperationException("CreateSchemaAsync must run before WriteAsync");
        if (_transaction is null)
        {
            throw new InvalidOperationException("WriteAsync runs inside a transaction (BeginTransactionAsync)");
        }

        var writer = new SqliteStatementWriter(insert, _textBuffer);
        var span = rows.Span;
        var written = 0;
        for (; written < span.Length; written++)
        {
            _codec.Write(in span[written], ref writer);
            var result = writer.Failure == raw.SQLITE_OK ? raw.sqlite3_step(insert) : writer.Failure;
            raw.sqlite3_reset(insert);
            if (result != raw.SQLITE_DONE)
            {
                var column = writer.Failure == raw.SQLITE_OK ? null : _schema?.Fields[writer.Ordinal].Name;
                var message = $"row {written + 1} of the batch was rejected: SQLite Error {result}: '{raw.sqlite3_errmsg(Connection.Handle).utf8_to_string()}'.";
                var location = new DataLocation(DestinationId) { ColumnName = column };

                // A constraint, a type mismatch or a value too big is in the data: retrying cannot help.
                throw (result & 0xFF) is raw.SQLITE_CONSTRAINT or raw.SQLITE_MISMATCH or raw.SQLITE_TOOBIG or raw.SQLITE_RANGE
                    ? new DataRejectedException(message, location)
                    : new WriteException(message, location);
            }
        }

        return ValueTask.FromResult(written);
    }

    /// <inheritdoc />
    public bool PublishesOnCompletion => _options.WriteMode == WriteMode.Replace;

    /// <summary>
    /// In replace mode, swaps the staged rows in: one transaction deletes the old rows, inserts the new
    /// ones and drops the staging table. Readers (WAL) see the old rows until the commit, then the new ones.
    /// </summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_staging is null || _completed)
        {
            return;
        }

        var columns = string.Join(", ", _schema!.Fields.Select(f => SqliteDialect.Quote(f.Name)));
        try
        {
            await using var transaction = (SqliteTransaction)await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"DELETE FROM {SqliteDialect.Quote(_table)}; "
                + $"INSERT INTO {SqliteDialect.Quote(_table)} ({columns}) SELECT {columns} FROM {SqliteDialect.Quote(_staging)}; "
                + $"DROP TABLE {SqliteDialect.Quote(_staging)};";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _completed = true;
        }
        catch (SqliteException error)
        {
            throw new WriteException($"the replace of '{_table}' failed, the table keeps its old rows: {error.Message}", new DataLocation(DestinationId), error);
        }
    }

    /// <inheritdoc />
    public override ValueTask CloseAsync(CancellationToken cancellationToken = default)
    {
        if (_staging is not null && !_completed && _connection is not null)
        {
            // A replace that did not complete leaves nothing behind.
            _insert?.Dispose();
            _insert = null;
            _transaction?.Dispose();
            _transaction = null;
            using var drop = _connection.CreateCommand();
            drop.CommandText = $"DROP TABLE IF EXISTS {SqliteDialect.Quote(_staging)}";
            try
            {
                drop.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Best effort: the next replace drops a stale staging table first.
            }
        }

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

    // SQLite's type affinity converts what it can, so only missing and required columns are differences.
    private async Task MatchExistingAsync(Schema schema, List<SqliteColumn> existing, DataLocation location, CancellationToken cancellationToken)
    {
        var toAdd = TableComparison.Compare(
            schema,
            _table,
            [.. existing.Select(c => (c.Name, c.NotNull, c.HasDefault))],
            _options.EvolveSchema,
            field => SqliteDialect.ColumnType(field.Type),
            static _ => null,
            StringComparer.OrdinalIgnoreCase,
            location);
        foreach (var field in toAdd)
        {
            await ExecuteAsync($"ALTER TABLE {SqliteDialect.Quote(_table)} ADD COLUMN {SqliteDialect.Quote(field.Name)} {SqliteDialect.ColumnType(field.Type)}", cancellationToken).ConfigureAwait(false);
        }
    }

    // A raw statement on the connection's handle: it runs inside the transactions begun on that connection.
    private void PrepareInsert(Schema schema, string table)
    {
        var sql = _options.WriteMode == WriteMode.Merge ? SqliteDialect.Upsert(schema, table) : SqliteDialect.Insert(schema, table);
        var result = raw.sqlite3_prepare_v2(Connection.Handle, sql, out var statement);
        if (result != raw.SQLITE_OK)
        {
            var message = raw.sqlite3_errmsg(Connection.Handle).utf8_to_string();
            statement?.Dispose();
            throw new SqliteException($"SQLite Error {result}: '{message}'.", result);
        }

        _insert = statement;
    }

    private async Task<List<SqliteColumn>> ReadColumnsAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = "SELECT name, type, \"notnull\", dflt_value IS NOT NULL FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table);
        var columns = new List<SqliteColumn>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            columns.Add(new SqliteColumn(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3)));
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
