using AiEtl.Internal;
using Npgsql;

namespace AiEtl.Postgres;

/// <summary>
/// Writes rows to a PostgreSQL table with one binary COPY per transaction, kept open across the batches of
/// the transaction and completed by the commit: a failed transaction leaves the table as it was before it.
/// The table (and its PostgreSQL schema) is created from the record's schema; <see cref="WriteMode"/>
/// decides between append, an atomic replace through a staging table, and a merge (upsert on the primary
/// key) through a temporary table and <c>INSERT ... ON CONFLICT</c>. Lost connections surface as retried
/// <see cref="ConnectionFailedException"/>/<see cref="WriteException"/>; the next transaction reconnects.
/// </summary>
/// <remarks>
/// One concept a file: this one connects and runs the transactions; <c>PostgresDestination.Schema.cs</c>
/// prepares the table, <c>PostgresDestination.WriteModes.cs</c> stages replaces and merges, and
/// <c>PostgresDestination.Copy.cs</c> writes the rows and <c>PostgresDestination.Checkpoints.cs</c> keeps the checkpoint.
/// </remarks>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TCodec">How rows give their fields: <see cref="GeneratedCodec{T}"/> or <see cref="RecordCodec"/>.</typeparam>
public partial class PostgresDestination<T, TCodec> : Destination<T>, ICompletableDestination, ICheckpointingDestination, IReportsWarnings, IEncodingDestination<T>, IMergingDestination, IRowIsolatingDestination<T>
    where TCodec : struct, IRowCodec<T>
{
    private readonly PostgresDestinationOptions _options;
    private readonly PostgresConnector _connector;
    private readonly TCodec _codec;
    private readonly string _table;
    private readonly string _where;
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;
    private Schema? _schema;

    /// <summary>Creates a destination for the server and table in <paramref name="options"/>.</summary>
    public PostgresDestination(PostgresDestinationOptions options, TCodec codec)
        : this(options, codec, dataSource: null)
    {
    }

    /// <summary>
    /// Creates a destination that writes to the table in <paramref name="options"/> through connections taken
    /// from <paramref name="dataSource"/> (its pooling, password provider and settings), which stays the caller's to dispose.
    /// </summary>
    public PostgresDestination(NpgsqlDataSource dataSource, PostgresDestinationOptions options, TCodec codec)
        : this(options, codec, dataSource ?? throw new ArgumentNullException(nameof(dataSource)))
    {
    }

    private PostgresDestination(PostgresDestinationOptions options, TCodec codec, NpgsqlDataSource? dataSource)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _connector = new PostgresConnector(options, dataSource);
        _codec = codec;
        _table = options.Table ?? codec.Schema.Name;
        _where = $"{_connector.Server}/{_options.Schema}.{_table}";
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Warnings => _connector.CredentialWarnings;

    /// <inheritdoc />
    public override string DestinationType => "postgres";

    /// <inheritdoc />
    public override string DestinationId => _where;

    /// <summary>
    /// 10 batches: each transaction costs a COPY (its start, its end, the server's per-COPY work) and a WAL flush at
    /// the commit; 10 batches per commit took a million rows from 8.83 to 7.82 s (docs/benchmarks.md) for 10
    /// batches more held for a retry.
    /// </summary>
    public override int DefaultCommitEvery => 10;

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

        _connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
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
            await DropUnfinishedStagingAsync(cancellationToken).ConfigureAwait(false);
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

            // A connection from the user's data source goes back to its pool; the data source itself stays open.
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
            _rowsUpdated = 0;
        }
        catch (NpgsqlException error)
        {
            throw new ConnectionFailedException($"cannot start a transaction: {_connector.Mask(error.Message)}", new DataLocation(_where), error);
        }
    }

    /// <inheritdoc />
    protected override async ValueTask OnCommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
            if (!PublishesOnCompletion)
            {
                await WriteStagedCheckpointAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is NpgsqlException or InvalidCastException or OverflowException or FormatException or ArgumentException or IOException)
        {
            // The rows written since the transaction began are rejected as one unit; the engine rolls back.
            throw WriteError(error, 0, int.MaxValue, _rowsInCopy);
        }

        try
        {
            await _transaction!.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (!PublishesOnCompletion)
            {
                CheckpointCommitted();
            }
        }
        catch (NpgsqlException error)
        {
            throw new WriteException($"the commit failed: {_connector.Mask(error.Message)}", new DataLocation(_where), error);
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
