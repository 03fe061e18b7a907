using AiEtl.Internal;
using Npgsql;

namespace AiEtl.Postgres;

// Savepoints for the engine's search of rejected rows (IRowIsolatingDestination). A rejected COPY aborts the
// transaction up to the last savepoint, so each part the engine tries is its own COPY, completed (and merged) at
// the release so that the server says there whether it takes the part.
public partial class PostgresDestination<T, TCodec>
{
    private const string Savepoint = "aietl_rows";
    private long _rowsUpdated;
    private long _rowsUpdatedAtSavepoint;

    /// <inheritdoc />
    public long RowsUpdated => _rowsUpdated;

    /// <inheritdoc />
    public async ValueTask SavepointAsync(CancellationToken cancellationToken = default)
    {
        await FinishPartAsync(cancellationToken).ConfigureAwait(false);
        await OpenTransaction.SaveAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        _rowsUpdatedAtSavepoint = _rowsUpdated;
    }

    /// <inheritdoc />
    public async ValueTask ReleaseSavepointAsync(CancellationToken cancellationToken = default)
    {
        await FinishPartAsync(cancellationToken).ConfigureAwait(false);
        await OpenTransaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask RollbackToSavepointAsync(CancellationToken cancellationToken = default)
    {
        await CancelCopyAsync().ConfigureAwait(false);
        await OpenTransaction.RollbackAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        await OpenTransaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        _rowsUpdated = _rowsUpdatedAtSavepoint;
    }

    /// <inheritdoc />
    public string? DescribeKey(in T row) => RowKeys.Describe<T, TCodec>(in _codec, in row);

    // Completes the open COPY (and its merge, whose temporary table goes with it, so the next part can stage its own).
    private async ValueTask FinishPartAsync(CancellationToken cancellationToken)
    {
        if (_raw is null)
        {
            return;
        }

        try
        {
            await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
            if (_merge is not null)
            {
                await ExecuteAsync($"DROP TABLE pg_temp.{PostgresDialect.Quote(MergeStage)}", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is NpgsqlException or InvalidCastException or OverflowException or FormatException or ArgumentException or IOException)
        {
            throw WriteError(error, 0, int.MaxValue, _rowsInCopy);
        }
    }

    private NpgsqlTransaction OpenTransaction =>
        _transaction ?? throw new InvalidOperationException("savepoints are set inside a transaction (BeginTransactionAsync)");
}
