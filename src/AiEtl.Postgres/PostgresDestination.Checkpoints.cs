using AiEtl.Internal;
using Npgsql;

namespace AiEtl.Postgres;

// The checkpoint of the pipeline loading the table, kept in the destination's schema (PostgresCheckpointTables) and
// committed in the transaction of the rows it covers; in replace mode, in the transaction that swaps the staged rows in.
public partial class PostgresDestination<T, TCodec>
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
            await EnsureCheckpointTablesAsync(cancellationToken).ConfigureAwait(false);
            return await PostgresCheckpointTables.ReadAsync(Connection, _options.Schema, key, _table, new DataLocation(_where), cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException error)
        {
            throw new StateException($"cannot read the checkpoint from {_options.Schema}.{PostgresCheckpointTables.Checkpoints}: {_connector.Mask(error.Message)}", new DataLocation(_where), error);
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
            await PostgresCheckpointTables.ForgetAsync(Connection, _options.Schema, key, _table, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException error)
        {
            throw new StateException($"cannot remove the checkpoint from {_options.Schema}.{PostgresCheckpointTables.Checkpoints}: {_connector.Mask(error.Message)}", new DataLocation(_where), error);
        }
    }

    // Inside the open transaction, after the rows and just before the commit.
    private async Task WriteStagedCheckpointAsync(CancellationToken cancellationToken)
    {
        if (_checkpoint.IsStaged)
        {
            if (!_checkpointTablesReady)
            {
                await PostgresCheckpointTables.CreateAsync(Connection, _options.Schema, cancellationToken).ConfigureAwait(false);
            }

            await PostgresCheckpointTables.WriteAsync(Connection, _options.Schema, _checkpoint, _table, cancellationToken).ConfigureAwait(false);
        }
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

    private async Task EnsureCheckpointTablesAsync(CancellationToken cancellationToken)
    {
        if (!_checkpointTablesReady)
        {
            await PostgresCheckpointTables.CreateAsync(Connection, _options.Schema, cancellationToken).ConfigureAwait(false);
            _checkpointTablesReady = true;
        }
    }
}
