using AiEtl.Internal;

namespace AiEtl.Sqlite;

// Savepoints for the engine's search of rejected rows (IRowIsolatingDestination), and the merge's update count.
// A failed INSERT undoes only itself in SQLite, so the rows write straight through: nothing to complete at a release.
public partial class SqliteDestination<T, TCodec>
{
    private const string Savepoint = "aietl_rows";
    private long _rowsUpdated;
    private long _rowsUpdatedAtSavepoint;

    /// <inheritdoc />
    public long RowsUpdated => _rowsUpdated;

    /// <inheritdoc />
    public async ValueTask SavepointAsync(CancellationToken cancellationToken = default)
    {
        await OpenTransaction.SaveAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        _rowsUpdatedAtSavepoint = _rowsUpdated;
    }

    /// <inheritdoc />
    public async ValueTask ReleaseSavepointAsync(CancellationToken cancellationToken = default) =>
        await OpenTransaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask RollbackToSavepointAsync(CancellationToken cancellationToken = default)
    {
        await OpenTransaction.RollbackAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        await OpenTransaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        _rowsUpdated = _rowsUpdatedAtSavepoint;
    }

    /// <inheritdoc />
    public string? DescribeKey(in T row) => RowKeys.Describe<T, TCodec>(in _codec, in row);

    private Microsoft.Data.Sqlite.SqliteTransaction OpenTransaction =>
        _transaction ?? throw new InvalidOperationException("savepoints are set inside a transaction (BeginTransactionAsync)");
}
