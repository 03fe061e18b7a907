using Microsoft.Data.Sqlite;

namespace AiEtl.Sqlite;

// Append inserts into the table and merge upserts into it (SqliteDialect.Upsert); replace inserts into a
// staging table that CompleteAsync swaps in at the end of the run.
public partial class SqliteDestination<T, TCodec>
{
    private string? _staging;
    private bool _completed;

    /// <inheritdoc />
    public bool PublishesOnCompletion => _options.WriteMode == WriteMode.Replace;

    /// <inheritdoc />
    public bool MergesOnPrimaryKey => _options.WriteMode == WriteMode.Merge;

    /// <summary>
    /// In replace mode, swaps the staged rows in: one transaction deletes the old rows, inserts the new
    /// ones, drops the staging table and commits the run's checkpoint. Readers (WAL) see the old rows until the commit, then the new ones.
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
            await WriteStagedCheckpointAsync(transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            CheckpointCommitted();
            _completed = true;
        }
        catch (SqliteException error)
        {
            throw new WriteException($"the replace of '{_table}' failed, the table keeps its old rows: {error.Message}", new DataLocation(DestinationId), error);
        }
    }

    // The table the rows go into: a fresh staging table in replace mode, else the table itself.
    private async Task<string> PrepareWriteModeAsync(Schema schema, CancellationToken cancellationToken)
    {
        if (_options.WriteMode != WriteMode.Replace)
        {
            return _table;
        }

        // A stale staging table from a run that died is dropped first.
        _staging = _table + "__aietl_staging";
        await ExecuteAsync($"DROP TABLE IF EXISTS {SqliteDialect.Quote(_staging)}", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(SqliteDialect.CreateTable(schema, _staging, ifNotExists: false), cancellationToken).ConfigureAwait(false);
        return _staging;
    }

    // A replace that did not complete leaves nothing behind.
    private void DropUnfinishedStaging()
    {
        if (_staging is null || _completed || _connection is null)
        {
            return;
        }

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
}
