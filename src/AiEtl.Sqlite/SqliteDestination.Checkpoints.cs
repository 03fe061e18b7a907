using AiEtl.Internal;
using Microsoft.Data.Sqlite;

namespace AiEtl.Sqlite;

// The checkpoint of the pipeline loading the table, kept in the database (SqliteCheckpointTables) and committed in
// the transaction of the rows it covers; in replace mode, in the transaction that swaps the staged rows in.
public partial class SqliteDestination<T, TCodec>
{
    private readonly StagedCheckpoint _checkpoint = new();
    private bool _checkpointTablesReady;

    /// <inheritdoc />
    public bool StartsEmpty => _options.WriteMode == WriteMode.Replace || _options.SchemaMode == SchemaMode.DropAndCreate;

    /// <inheritdoc />
    public async ValueTask<StoredCheckpoint?> ReadCheckpointAsync(CheckpointKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            await EnsureCheckpointTablesAsync(null, cancellationToken).ConfigureAwait(false);
            return await SqliteCheckpointTables.ReadAsync(Connection, key, _table, new DataLocation(DestinationId), cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error)
        {
            throw new StateException($"cannot read the checkpoint from {SqliteCheckpointTables.Checkpoints}: {error.Message}", new DataLocation(DestinationId), error);
        }
    }

    /// <inheritdoc />
    public void StageCheckpoint(CheckpointKey key, StoredCheckpoint checkpoint) => _checkpoint.Add(key, checkpoint, StartsEmpty);

    /// <inheritdoc />
    public async ValueTask ForgetCheckpointAsync(CheckpointKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            await EnsureCheckpointTablesAsync(null, cancellationToken).ConfigureAwait(false);
            await SqliteCheckpointTables.ForgetAsync(Connection, key, _table, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error)
        {
            throw new StateException($"cannot remove the checkpoint from {SqliteCheckpointTables.Checkpoints}: {error.Message}", new DataLocation(DestinationId), error);
        }
    }

    // Inside the open transaction, just before its commit.
    private async Task WriteStagedCheckpointAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        if (!_checkpoint.IsStaged)
        {
            return;
        }

        await EnsureCheckpointTablesAsync(transaction, cancellationToken).ConfigureAwait(false);
        await SqliteCheckpointTables.WriteAsync(Connection, transaction, _checkpoint, _table, cancellationToken).ConfigureAwait(false);
    }

    // After the commit of the transaction that wrote it.
    private void CheckpointCommitted()
    {
        if (_checkpoint.IsStaged)
        {
            _checkpoint.Clear();
            _checkpointTablesReady = true;
        }
    }

    private async Task EnsureCheckpointTablesAsync(SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        if (!_checkpointTablesReady)
        {
            await SqliteCheckpointTables.CreateAsync(Connection, transaction, cancellationToken).ConfigureAwait(false);

            // Created inside a transaction, the tables exist only once it commits (CheckpointCommitted).
            _checkpointTablesReady = transaction is null;
        }
    }
}
