using AiEtl.Internal;
using Microsoft.Data.Sqlite;

namespace AiEtl.Sqlite;

/// <summary>
/// The two tables in which a SQLite destination keeps the checkpoints of the pipelines that load it, written in
/// the same transaction as the rows (docs/architecture.md, "Exactly once"):
/// <c>aietl_checkpoints</c> (pipeline_id, source_id, target_table) → the state file's JSON, and
/// <c>aietl_transform_state</c> (pipeline_id, source_id, target_table, transform, seq) → one delta of a resumable
/// transform's memory per commit. Created on the first run that keeps state.
/// </summary>
internal static class SqliteCheckpointTables
{
    public const string Checkpoints = "aietl_checkpoints";
    public const string TransformState = "aietl_transform_state";

    private const string Create = $"""
        CREATE TABLE IF NOT EXISTS {Checkpoints} (
            pipeline_id TEXT NOT NULL,
            source_id TEXT NOT NULL,
            target_table TEXT NOT NULL,
            state TEXT NOT NULL,
            committed_at TEXT NOT NULL,
            PRIMARY KEY (pipeline_id, source_id, target_table));
        CREATE TABLE IF NOT EXISTS {TransformState} (
            pipeline_id TEXT NOT NULL,
            source_id TEXT NOT NULL,
            target_table TEXT NOT NULL,
            transform TEXT NOT NULL,
            seq INTEGER NOT NULL,
            delta BLOB NOT NULL,
            PRIMARY KEY (pipeline_id, source_id, target_table, transform, seq));
        """;

    private const string Key = "pipeline_id = $pipeline AND source_id = $source AND target_table = $table";

    public static async Task CreateAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Create;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<StoredCheckpoint?> ReadAsync(SqliteConnection connection, CheckpointKey key, string table, DataLocation location, CancellationToken cancellationToken)
    {
        await using var read = Command(connection, null, $"SELECT state FROM {Checkpoints} WHERE {Key}", key, table);
        if (await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string json)
        {
            return null;
        }

        var deltas = new Dictionary<string, List<byte>>(StringComparer.Ordinal);
        await using var readDeltas = Command(connection, null, $"SELECT transform, delta FROM {TransformState} WHERE {Key} ORDER BY transform, seq", key, table);
        await using var reader = await readDeltas.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var transform = reader.GetString(0);
            if (!deltas.TryGetValue(transform, out var bytes))
            {
                deltas[transform] = bytes = [];
            }

            bytes.AddRange((byte[])reader.GetValue(1));
        }

        return new StoredCheckpoint(StateJson.Deserialize(json, location), deltas.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>Writes the staged checkpoint inside <paramref name="transaction"/>; a new generation first forgets the memory of the old one.</summary>
    public static async Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction, StagedCheckpoint staged, string table, CancellationToken cancellationToken)
    {
        var key = staged.Key!;
        if (staged.StartsGeneration)
        {
            await ExecuteAsync(connection, transaction, $"DELETE FROM {TransformState} WHERE {Key}", key, table, cancellationToken).ConfigureAwait(false);
        }

        await using (var upsert = Command(connection, transaction, $"""
            INSERT INTO {Checkpoints} (pipeline_id, source_id, target_table, state, committed_at)
            VALUES ($pipeline, $source, $table, $state, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            ON CONFLICT (pipeline_id, source_id, target_table) DO UPDATE SET state = excluded.state, committed_at = excluded.committed_at
            """, key, table))
        {
            upsert.Parameters.AddWithValue("$state", StateJson.Serialize(staged.State!));
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var (transform, delta) in staged.Deltas)
        {
            await using var insert = Command(connection, transaction, $"""
                INSERT INTO {TransformState} (pipeline_id, source_id, target_table, transform, seq, delta)
                VALUES ($pipeline, $source, $table, $transform,
                    (SELECT COALESCE(MAX(seq), 0) + 1 FROM {TransformState} WHERE {Key} AND transform = $transform), $delta)
                """, key, table);
            insert.Parameters.AddWithValue("$transform", transform);
            insert.Parameters.AddWithValue("$delta", delta.ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets the checkpoint of one pipeline and source into <paramref name="table"/>.</summary>
    public static async Task ForgetAsync(SqliteConnection connection, CheckpointKey key, string table, CancellationToken cancellationToken)
    {
        await using var forget = Command(connection, null, $"DELETE FROM {Checkpoints} WHERE {Key}; DELETE FROM {TransformState} WHERE {Key};", key, table);
        await forget.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets every checkpoint of <paramref name="table"/>, whose rows were dropped.</summary>
    public static async Task ForgetTableAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var exists = connection.CreateCommand();
        exists.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('{Checkpoints}', '{TransformState}')";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) < 2)
        {
            return;
        }

        await using var forget = connection.CreateCommand();
        forget.CommandText = $"DELETE FROM {Checkpoints} WHERE target_table = $table; DELETE FROM {TransformState} WHERE target_table = $table;";
        forget.Parameters.AddWithValue("$table", table);
        await forget.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, CheckpointKey key, string table)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (sql.Contains("$pipeline", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$pipeline", key.PipelineId);
            command.Parameters.AddWithValue("$source", key.SourceId);
            command.Parameters.AddWithValue("$table", table);
        }

        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CheckpointKey key, string table, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, key, table);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
