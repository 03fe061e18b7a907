using System.Text;
using AiEtl.Internal;
using Npgsql;
using NpgsqlTypes;

namespace AiEtl.Postgres;

/// <summary>
/// Writes rows to a PostgreSQL table (the seed's PostgreSQLLoader) with one binary COPY per transaction,
/// kept open across the batches of the transaction and completed by the commit: a failed transaction
/// leaves the table as it was before it. The table (and its
/// PostgreSQL schema) is created from the record's schema; <see cref="WriteMode"/> decides between
/// append, an atomic replace through a staging table, and a merge (upsert on the primary key) through a
/// temporary table and <c>INSERT ... ON CONFLICT</c>. Lost connections surface as retried
/// <see cref="ConnectionFailedException"/>/<see cref="WriteException"/>; the next transaction reconnects.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TCodec">How rows give their fields: <see cref="GeneratedCodec{T}"/> or <see cref="RecordCodec"/>.</typeparam>
public class PostgresDestination<T, TCodec> : Destination<T>, ICompletableDestination, IReportsWarnings, IEncodingDestination<T>
    where TCodec : struct, IRowCodec<T>
{
    private const string MergeStage = "aietl_merge_stage";
    private const string MergeSequence = "__aietl_seq";

    // Encoded rows are sent in writes of about this size.
    private const int FlushBytes = 64 * 1024;

    private readonly PostgresDestinationOptions _options;
    private readonly TCodec _codec;
    private readonly string _table;
    private readonly string _where;
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;
    private NpgsqlBinaryImporter? _importer;
    private NpgsqlRawCopyStream? _raw;
    private PostgresCopyBuffer? _buffer;
    private long _rowsInCopy;
    private Schema? _schema;
    private NpgsqlDbType[] _types = [];
    private string _copy = "";
    private string? _merge;
    private string? _staging;
    private bool _completed;

    /// <inheritdoc />
    public IReadOnlyList<string> Warnings => PostgresConnector.CredentialWarnings(_options);

    /// <summary>Creates a destination for the server and table in <paramref name="options"/>.</summary>
    public PostgresDestination(PostgresDestinationOptions options, TCodec codec)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _codec = codec;
        _table = options.Table ?? codec.Schema.Name;
        _where = $"{PostgresConnector.Describe(PostgresConnector.Build(options))}/{_options.Schema}.{_table}";
    }

    /// <inheritdoc />
    public override string DestinationType => "postgres";

    /// <inheritdoc />
    public override string DestinationId => _where;

    private string Target => PostgresDialect.QualifiedName(_options.Schema, _table);

    private NpgsqlConnection Connection => _connection ?? throw new InvalidOperationException("ConnectAsync must run first");

    /// <inheritdoc />
    public override async ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }

        _connection = await PostgresConnector.OpenAsync(_options, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async ValueTask CreateSchemaAsync(Schema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var location = new DataLocation(_where);
        if (_options.WriteMode == WriteMode.Merge && schema.PrimaryKey is not { Count: > 0 })
        {
            throw new SchemaException($"write mode merge needs a primary key, and schema {schema.Name} has none; declare one with [PrimaryKey] or use append or replace", location);
        }

        try
        {
            if (_options.SchemaMode != SchemaMode.FailIfMissing)
            {
                await ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS {PostgresDialect.Quote(_options.Schema)}", cancellationToken).ConfigureAwait(false);
            }

            if (_options.SchemaMode == SchemaMode.DropAndCreate)
            {
                await ExecuteAsync($"DROP TABLE IF EXISTS {Target}", cancellationToken).ConfigureAwait(false);
            }

            var existing = await PostgresCatalog.ReadColumnsAsync(Connection, _options.Schema, _table, cancellationToken).ConfigureAwait(false);
            if (existing.Count == 0)
            {
                if (_options.SchemaMode == SchemaMode.FailIfMissing)
                {
                    throw new SchemaException($"the table '{_options.Schema}.{_table}' does not exist and the schema mode is fail_if_missing", location);
                }

                await ExecuteAsync(PostgresDialect.CreateTable(schema, _options.Schema, _table), cancellationToken).ConfigureAwait(false);
                _types = [.. schema.Fields.Select(PostgresDialect.DbType)];
            }
            else
            {
                _types = await MatchExistingAsync(schema, existing, location, cancellationToken).ConfigureAwait(false);
            }

            _schema = schema;
            _buffer?.Dispose();
            _buffer = PostgresCopyEncoder.Supports(_types) ? new PostgresCopyBuffer() : null;
            await PrepareWriteModeAsync(schema, location, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException error)
        {
            throw new SchemaException($"cannot prepare the table '{_options.Schema}.{_table}': {error.MessageText}", location, error);
        }
        catch (NpgsqlException error)
        {
            throw new ConnectionFailedException($"the connection failed while preparing the table '{_options.Schema}.{_table}': {PostgresConnector.Mask(error.Message, _options)}", location, error);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Inside a transaction the binary COPY stays open across calls and is completed by the commit, so a
    /// transaction of many batches costs one COPY (and, in merge mode, one staging table and one upsert).
    /// Rows the server rejects are then reported by the commit.
    /// </remarks>
    public override async ValueTask<int> WriteAsync(ReadOnlyMemory<T> rows, CancellationToken cancellationToken = default)
    {
        var schema = _schema ?? throw new InvalidOperationException("CreateSchemaAsync must run before WriteAsync");
        var written = 0;
        var encoder = default(PostgresCopyEncoder);
        var writer = default(PostgresImporterFieldWriter);
        try
        {
            if (_buffer is { } buffer)
            {
                // Scalar columns: encoded here, sent in large asynchronous writes.
                var raw = _raw ?? await StartRawCopyAsync(cancellationToken).ConfigureAwait(false);
                encoder = new PostgresCopyEncoder(buffer, _types);
                var count = (short)schema.Fields.Count;
                while (written < rows.Length)
                {
                    var span = rows.Span;
                    for (; written < span.Length && buffer.Length < FlushBytes; written++)
                    {
                        buffer.WriteInt16(count);
                        _codec.Write(in span[written], ref encoder);
                    }

                    await raw.WriteAsync(buffer.Written, cancellationToken).ConfigureAwait(false);
                    buffer.Clear();
                }
            }
            else
            {
                var importer = _importer ?? await StartCopyAsync(cancellationToken).ConfigureAwait(false);
                writer = new PostgresImporterFieldWriter(importer, _types, schema);
                var span = rows.Span;
                for (; written < span.Length; written++)
                {
                    importer.StartRow();
                    _codec.Write(in span[written], ref writer);
                }
            }

            _rowsInCopy += written;
            if (_transaction is null)
            {
                // No transaction to end it: this call's rows are its own unit, as before.
                await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is NpgsqlException or InvalidCastException or OverflowException or FormatException or ArgumentException or IOException)
        {
            var failure = WriteError(error, written, _buffer is null ? writer.Ordinal : encoder.Ordinal, _rowsInCopy + written);
            if (_transaction is null)
            {
                await CancelCopyAsync().ConfigureAwait(false);
            }

            throw failure;
        }

        return written;
    }

    /// <inheritdoc />
    /// <remarks>Tables of scalar columns, whose rows are binary COPY tuples encoded by this library; other tables go through Npgsql's importer on the load thread.</remarks>
    public bool EncodesAhead => _buffer is not null;

    /// <summary>Encodes rows as binary COPY tuples, on any thread; the load stage sends them with <see cref="WriteEncodedAsync"/>.</summary>
    public EncodedRows Encode(ReadOnlySpan<T> rows)
    {
        var types = _types;
        var count = (short)(_schema ?? throw new InvalidOperationException("CreateSchemaAsync must run before Encode")).Fields.Count;
        using var buffer = new PostgresCopyBuffer();
        var encoder = new PostgresCopyEncoder(buffer, types);
        var written = 0;
        try
        {
            for (; written < rows.Length; written++)
            {
                buffer.WriteInt16(count);
                _codec.Write(in rows[written], ref encoder);
            }
        }
        catch (Exception error) when (error is InvalidCastException or OverflowException or FormatException or ArgumentException)
        {
            throw WriteError(error, written, encoder.Ordinal, rows.Length);
        }

        var encoded = new EncodedRows(rows.Length, buffer.Length);
        buffer.Written.Span.CopyTo(encoded.GetSpan(buffer.Length));
        encoded.Advance(buffer.Length);
        return encoded;
    }

    /// <inheritdoc />
    /// <remarks>Like <see cref="WriteAsync"/>, inside a transaction the COPY stays open across calls and is completed by the commit.</remarks>
    public async ValueTask<int> WriteEncodedAsync(EncodedRows rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var buffer = _buffer ?? throw new InvalidOperationException("the table has columns that only Npgsql's importer writes: rows cannot be encoded ahead");
        try
        {
            var raw = _raw ?? await StartRawCopyAsync(cancellationToken).ConfigureAwait(false);
            if (buffer.Length > 0)
            {
                // The COPY header written when the COPY began.
                await raw.WriteAsync(buffer.Written, cancellationToken).ConfigureAwait(false);
                buffer.Clear();
            }

            await raw.WriteAsync(rows.Memory, cancellationToken).ConfigureAwait(false);
            _rowsInCopy += rows.Count;
            if (_transaction is null)
            {
                await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is NpgsqlException or IOException)
        {
            var failure = WriteError(error, 0, ordinal: long.MaxValue, _rowsInCopy + rows.Count);
            if (_transaction is null)
            {
                await CancelCopyAsync().ConfigureAwait(false);
            }

            throw failure;
        }

        return rows.Count;
    }

    /// <inheritdoc />
    public bool PublishesOnCompletion => _options.WriteMode == WriteMode.Replace;

    /// <summary>In replace mode, swaps the staged rows in: one transaction deletes the old rows and inserts the new ones.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_staging is null || _completed)
        {
            return;
        }

        var location = new DataLocation(_where);
        try
        {
            await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
            var columns = PostgresDialect.ColumnList(_schema!);
            var staging = PostgresDialect.QualifiedName(_options.Schema, _staging);

            // DELETE, not TRUNCATE or a rename: readers keep seeing the old rows (MVCC) until the commit,
            // are never blocked, and views, grants and indexes on the table stay as they are.
            await using var transaction = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync($"DELETE FROM {Target}; INSERT INTO {Target} ({columns}) SELECT {columns} FROM {staging}; DROP TABLE {staging}", cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _completed = true;
        }
        catch (Exception error) when (error is NpgsqlException or EtlException)
        {
            throw new WriteException($"the replace of '{_options.Schema}.{_table}' failed, the table keeps its old rows: {PostgresConnector.Mask(error.Message, _options)}", location, error);
        }
    }

    /// <inheritdoc />
    public override async ValueTask CloseAsync(CancellationToken cancellationToken = default)
    {
        if (_connection is null)
        {
            return;
        }

        try
        {
            await CancelCopyAsync().ConfigureAwait(false);
            if (_staging is not null && !_completed && !PostgresConnector.IsLost(_connection))
            {
                // A replace that did not complete leaves nothing behind.
                await ExecuteAsync($"DROP TABLE IF EXISTS {PostgresDialect.QualifiedName(_options.Schema, _staging)}", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (NpgsqlException)
        {
            // Best effort: the next replace drops a stale staging table first.
        }
        finally
        {
            await DisposeTransactionAsync().ConfigureAwait(false);
            _buffer?.Dispose();
            _buffer = null;
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    /// <inheritdoc />
    protected override async ValueTask OnBeginTransactionAsync(CancellationToken cancellationToken)
    {
        await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _transaction = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException error)
        {
            throw new ConnectionFailedException($"cannot start a transaction: {PostgresConnector.Mask(error.Message, _options)}", new DataLocation(_where), error);
        }
    }

    /// <inheritdoc />
    protected override async ValueTask OnCommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is NpgsqlException or InvalidCastException or OverflowException or FormatException or ArgumentException or IOException)
        {
            // The rows written since the transaction began are rejected as one unit; the engine rolls back.
            throw WriteError(error, 0, int.MaxValue, _rowsInCopy);
        }

        try
        {
            await _transaction!.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException error)
        {
            throw new WriteException($"the commit failed: {PostgresConnector.Mask(error.Message, _options)}", new DataLocation(_where), error);
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
            // The connection takes no ROLLBACK while a COPY is open: cancel the COPY first.
            await CancelCopyAsync().ConfigureAwait(false);
            if (_transaction is not null && !PostgresConnector.IsLost(_connection))
            {
                await _transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (NpgsqlException)
        {
            // The connection died with the transaction: the server has already discarded it.
        }
        finally
        {
            await DisposeTransactionAsync().ConfigureAwait(false);
        }
    }

    // After a lost connection (server restarted), the retried batch opens a new one.
    private async ValueTask EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (PostgresConnector.IsLost(_connection))
        {
            await DisposeTransactionAsync().ConfigureAwait(false);
            await ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<NpgsqlDbType[]> MatchExistingAsync(Schema schema, List<PostgresColumn> existing, DataLocation location, CancellationToken cancellationToken)
    {
        var byName = existing.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var toAdd = TableComparison.Compare(
            schema,
            $"{_options.Schema}.{_table}",
            [.. existing.Select(c => (c.Name, c.NotNull, c.HasDefault))],
            _options.EvolveSchema,
            PostgresDialect.ColumnType,
            field => PostgresDialect.DbTypeForColumn(field, byName[field.Name].CatalogType) is null
                ? $"column '{field.Name}' is {byName[field.Name].CatalogType}, the schema needs {PostgresDialect.ColumnType(field)}"
                : null,
            StringComparer.Ordinal,
            location);
        foreach (var field in toAdd)
        {
            await ExecuteAsync($"ALTER TABLE {Target} ADD COLUMN {PostgresDialect.Quote(field.Name)} {PostgresDialect.ColumnType(field)}", cancellationToken).ConfigureAwait(false);
        }

        // Binary COPY needs each column's exact type: the existing column's where there is one.
        return [.. schema.Fields.Select(f => byName.TryGetValue(f.Name, out var column) ? PostgresDialect.DbTypeForColumn(f, column.CatalogType)!.Value : PostgresDialect.DbType(f))];
    }

    private async Task PrepareWriteModeAsync(Schema schema, DataLocation location, CancellationToken cancellationToken)
    {
        var columns = PostgresDialect.ColumnList(schema);
        switch (_options.WriteMode)
        {
            case WriteMode.Replace:
                _staging = StagingName();
                var staging = PostgresDialect.QualifiedName(_options.Schema, _staging);
                await ExecuteAsync($"DROP TABLE IF EXISTS {staging}; CREATE TABLE {staging} (LIKE {Target} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)", cancellationToken).ConfigureAwait(false);
                _copy = $"COPY {staging} ({columns}) FROM STDIN (FORMAT BINARY)";
                break;
            case WriteMode.Merge:
                var key = schema.PrimaryKey!;
                if (!await PostgresCatalog.HasUniqueIndexAsync(Connection, _options.Schema, _table, key, cancellationToken).ConfigureAwait(false))
                {
                    throw new SchemaException($"write mode merge needs a primary key or unique index on ({string.Join(", ", key)}) in '{_options.Schema}.{_table}', and it has none", location);
                }

                _copy = $"COPY pg_temp.{PostgresDialect.Quote(MergeStage)} ({columns}) FROM STDIN (FORMAT BINARY)";
                _merge = MergeSql(schema, key, columns);
                break;
            default:
                _copy = $"COPY {Target} ({columns}) FROM STDIN (FORMAT BINARY)";
                break;
        }
    }

    // The last row of a key within a batch wins, as it would with one upsert per row.
    private string MergeSql(Schema schema, IReadOnlyList<string> key, string columns)
    {
        var keyList = string.Join(", ", key.Select(PostgresDialect.Quote));
        var updates = schema.Fields.Where(f => !key.Contains(f.Name)).Select(f => $"{PostgresDialect.Quote(f.Name)} = EXCLUDED.{PostgresDialect.Quote(f.Name)}").ToList();
        var sql = new StringBuilder()
            .Append("INSERT INTO ").Append(Target).Append(" (").Append(columns).Append(") ")
            .Append("SELECT DISTINCT ON (").Append(keyList).Append(") ").Append(columns)
            .Append(" FROM pg_temp.").Append(PostgresDialect.Quote(MergeStage))
            .Append(" ORDER BY ").Append(keyList).Append(", ").Append(PostgresDialect.Quote(MergeSequence)).Append(" DESC")
            .Append(" ON CONFLICT (").Append(keyList).Append(") ");
        sql.Append(updates.Count == 0 ? "DO NOTHING" : "DO UPDATE SET " + string.Join(", ", updates));
        return sql.ToString();
    }

    private string StagingName()
    {
        var name = _table + "__aietl_staging";
        return Encoding.UTF8.GetByteCount(name) <= 63
            ? name
            : "aietl_staging_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(_table)))[..16];
    }

    // Rejected data (SQLSTATE classes 22 and 23, or a value this side cannot convert) is not retried; a lost connection is.
    private EtlException WriteError(Exception error, int row, long ordinal, long batchSize)
    {
        var column = _schema is { } schema && ordinal < schema.Fields.Count ? schema.Fields[(int)ordinal].Name : null;
        var detail = error switch
        {
            PostgresException postgres => postgres.MessageText + (postgres.Where is { } where ? $" ({where})" : "") + (postgres.Detail is { } more ? $": {more}" : ""),
            _ => error.Message,
        };
        var lost = PostgresConnector.IsLost(_connection);
        var location = new DataLocation(_where) { ColumnName = lost || error is PostgresException ? null : column };
        if (lost)
        {
            return new WriteException(PostgresConnector.Mask($"the connection was lost while writing a batch of {batchSize} rows (will retry): {detail}", _options), location, error);
        }

        if (error is PostgresException rejected)
        {
            var message = PostgresConnector.Mask($"a batch of {batchSize} rows was rejected: {detail}", _options);
            return rejected.SqlState.StartsWith("22", StringComparison.Ordinal) || rejected.SqlState.StartsWith("23", StringComparison.Ordinal)
                ? new DataRejectedException(message, location, error)
                : new WriteException(message, location, error);
        }

        return error is NpgsqlException
            ? new WriteException(PostgresConnector.Mask($"a batch of {batchSize} rows cannot be written: {detail}", _options), location, error)
            : new DataRejectedException(PostgresConnector.Mask($"row {row + 1} of the batch cannot be written: {detail}", _options), location, error);
    }

    // One COPY per transaction; in merge mode into a temporary table that the commit drops.
    private async ValueTask<NpgsqlBinaryImporter> StartCopyAsync(CancellationToken cancellationToken)
    {
        await CreateMergeStageAsync(cancellationToken).ConfigureAwait(false);
        _rowsInCopy = 0;
        _importer = await Connection.BeginBinaryImportAsync(_copy, cancellationToken).ConfigureAwait(false);
        return _importer;
    }

    private async ValueTask<NpgsqlRawCopyStream> StartRawCopyAsync(CancellationToken cancellationToken)
    {
        await CreateMergeStageAsync(cancellationToken).ConfigureAwait(false);
        _rowsInCopy = 0;
        _raw = await Connection.BeginRawBinaryCopyAsync(_copy, cancellationToken).ConfigureAwait(false);
        _buffer!.Clear();
        PostgresCopyEncoder.WriteHeader(_buffer);
        return _raw;
    }

    private async ValueTask FinishCopyAsync(CancellationToken cancellationToken)
    {
        if (_raw is { } raw)
        {
            // The trailer, then disposing the stream ends the COPY; the server reports rejected rows here.
            _raw = null;
            PostgresCopyEncoder.WriteTrailer(_buffer!);
            await raw.WriteAsync(_buffer!.Written, cancellationToken).ConfigureAwait(false);
            _buffer!.Clear();
            await raw.DisposeAsync().ConfigureAwait(false);
        }
        else if (_importer is { } importer)
        {
            _importer = null;
            await using (importer.ConfigureAwait(false))
            {
                await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            return;
        }

        if (_merge is not null)
        {
            await ExecuteAsync(_merge, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CreateMergeStageAsync(CancellationToken cancellationToken)
    {
        if (_merge is not null)
        {
            await ExecuteAsync(
                $"CREATE TEMP TABLE {PostgresDialect.Quote(MergeStage)} (LIKE {Target} INCLUDING DEFAULTS) ON COMMIT DROP; "
                + $"ALTER TABLE pg_temp.{PostgresDialect.Quote(MergeStage)} ADD COLUMN {PostgresDialect.Quote(MergeSequence)} BIGSERIAL",
                cancellationToken).ConfigureAwait(false);
        }
    }

    // Disposing an importer that was not completed, or cancelling a raw COPY, sends CopyFail: the server discards its rows.
    private async ValueTask CancelCopyAsync()
    {
        _buffer?.Clear();
        if (_raw is { } raw)
        {
            _raw = null;
            _rowsInCopy = 0;
            try
            {
                await raw.CancelAsync().ConfigureAwait(false);
                await raw.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception error) when (error is NpgsqlException or IOException or InvalidOperationException)
            {
                // A broken connection cannot take the cancellation; the server drops the transaction with it.
            }
        }

        if (_importer is null)
        {
            return;
        }

        var importer = _importer;
        _importer = null;
        _rowsInCopy = 0;
        try
        {
            await importer.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception error) when (error is NpgsqlException or IOException or InvalidOperationException)
        {
            // A broken connection cannot take the cancellation; the server drops the transaction with it.
        }
    }

    private async ValueTask DisposeTransactionAsync()
    {
        await CancelCopyAsync().ConfigureAwait(false);
        if (_transaction is not null)
        {
            try
            {
                await _transaction.DisposeAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // Disposing rolls back; on a dead connection there is nothing left to roll back.
            }

            _transaction = null;
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, Connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
