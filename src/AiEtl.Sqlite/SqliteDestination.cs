using AiEtl.Internal;
using Microsoft.Data.Sqlite;

namespace AiEtl.Sqlite;

/// <summary>
/// Writes typed records to a SQLite table: the table is created from the record's schema, rows go in
/// through one prepared <c>INSERT</c> inside the pipeline's transaction, and the database runs in WAL mode
/// so readers are not blocked by a load. <see cref="WriteMode"/> decides between append, an atomic replace
/// through a staging table swapped in by <see cref="CompleteAsync"/>, and a merge
/// (<c>INSERT ... ON CONFLICT (key) DO UPDATE</c>).
/// </summary>
/// <remarks>
/// One concept a file: this one opens the database and runs the transactions; <c>SqliteDestination.Schema.cs</c>
/// prepares the table, <c>SqliteDestination.WriteModes.cs</c> stages and swaps in a replace, and
/// <c>SqliteDestination.Insert.cs</c> writes the rows and <c>SqliteDestination.Checkpoints.cs</c> keeps the checkpoint.
/// </remarks>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TCodec">How rows give their fields: <see cref="GeneratedCodec{T}"/> or <see cref="RecordCodec"/>.</typeparam>
public partial class SqliteDestination<T, TCodec> : Destination<T>, ICompletableDestination, ICheckpointingDestination, IMergingDestination, IRowIsolatingDestination<T>, IEncodingDestination<T>
    where TCodec : struct, IRowCodec<T>
{
    private readonly SqliteDestinationOptions _options;
    private readonly TCodec _codec;
    private readonly string _table;
    private SqliteConnection? _connection;
    private SqliteTransaction? _transaction;
    private Schema? _schema;

    /// <summary>Creates a destination for the database and table in <paramref name="options"/>.</summary>
    public SqliteDestination(SqliteDestinationOptions options, TCodec codec)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Path);
        if (options.PageSize is < 512 or > 65536 || (options.PageSize & (options.PageSize - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PageSize, "PageSize must be a power of two from 512 to 65536");
        }

        _options = options;
        _codec = codec;
        _table = options.Table ?? codec.Schema.Name;
    }

    /// <inheritdoc />
    public override string DestinationType => "sqlite";

    /// <inheritdoc />
    public override string DestinationId => $"{_options.Path}#{_table}";

    private SqliteConnection Connection => _connection ?? throw new InvalidOperationException("ConnectAsync must run first");

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
            // The page size takes effect only while the file is still empty, so it goes before WAL mode writes the header.
            await ExecuteAsync(FormattableString.Invariant($"PRAGMA page_size={_options.PageSize}; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new ConnectionFailedException($"cannot open the SQLite database: {error.Message}", new DataLocation(_options.Path), error);
        }
    }

    /// <inheritdoc />
    public override ValueTask CloseAsync(CancellationToken cancellationToken = default)
    {
        // The statement and the transaction go first, so that dropping an unfinished staging table runs on its own.
        _insert?.Dispose();
        _insert = null;
        _keyLookup?.Dispose();
        _keyLookup = null;
        _transaction?.Dispose();
        _transaction = null;
        DropUnfinishedStaging();
        _connection?.Dispose();
        _connection = null;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override async ValueTask OnBeginTransactionAsync(CancellationToken cancellationToken)
    {
        _transaction = (SqliteTransaction)await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        _rowsUpdated = 0;
    }

    /// <inheritdoc />
    protected override async ValueTask OnCommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!PublishesOnCompletion)
            {
                await WriteStagedCheckpointAsync(_transaction!, cancellationToken).ConfigureAwait(false);
            }

            await _transaction!.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (!PublishesOnCompletion)
            {
                CheckpointCommitted();
            }
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

    private async ValueTask DisposeTransactionAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
            _transaction = null;
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
