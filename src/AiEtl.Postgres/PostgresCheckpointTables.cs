using AiEtl.Internal;
using Npgsql;
using NpgsqlTypes;

namespace AiEtl.Postgres;

/// <summary>
/// The two tables in which a PostgreSQL destination keeps the checkpoints of the pipelines that load its schema,
/// written in the same transaction as the rows (docs/architecture.md, "Exactly once"), in the destination's schema:
/// <c>aietl_checkpoints</c> (pipeline_id, source_id, target_table) → the state file's JSON, and
/// <c>aietl_transform_state</c> (pipeline_id, source_id, target_table, transform, seq) → one delta of a resumable
/// transform's memory per commit. Created on the first run that keeps state.
/// </summary>
internal static class PostgresCheckpointTables
{
    public const string Checkpoints = "aietl_checkpoints";
    public const string TransformState = "aietl_transform_state";

    private const string Key = "pipeline_id = @pipeline AND source_id = @source AND target_table = @table";

    public static Task CreateAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken) => ExecuteAsync(connection, $"""
        CREATE TABLE IF NOT EXISTS {Name(schema, Checkpoints)} (
            pipeline_id text NOT NULL,
            source_id text NOT NULL,
            target_table text NOT NULL,
            state text NOT NULL,
            committed_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (pipeline_id, source_id, target_table));
        CREATE TABLE IF NOT EXISTS {Name(schema, TransformState)} (
            pipeline_id text NOT NULL,
            source_id text NOT NULL,
            target_table text NOT NULL,
            transform text NOT NULL,
            seq bigint NOT NULL,
            delta bytea NOT NULL,
            PRIMARY KEY (pipeline_id, source_id, target_table, transform, seq))
        """, cancellationToken);

    public static async Task<StoredCheckpoint?> ReadAsync(NpgsqlConnection connection, string schema, CheckpointKey key, string table, DataLocation location, CancellationToken cancellationToken)
    {
        await using var read = Command(connection, $"SELECT state FROM {Name(schema, Checkpoints)} WHERE {Key}", key, table);
        if (await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string json)
        {
            return null;
        }

        var deltas = new Dictionary<string, List<byte>>(StringComparer.Ordinal);
        await using var readDeltas = Command(connection, $"SELECT transform, delta FROM {Name(schema, TransformState)} WHERE {Key} ORDER BY transform, seq", key, table);
        await using var reader = await readDeltas.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var transform = reader.GetString(0);
            if (!deltas.TryGetValue(transform, out var bytes))
            {
                deltas[transform] = bytes = [];
            }

            bytes.AddRange(reader.GetFieldValue<byte[]>(1));
        }

        return new StoredCheckpoint(StateJson.Deserialize(json, location), deltas.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>Writes the staged checkpoint in the connection's open transaction; a new generation first forgets the memory of the old one.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, string schema, StagedCheckpoint staged, string table, CancellationToken cancellationToken)
    {
        var key = staged.Key!;
        var batch = new NpgsqlBatch(connection);
        await using (batch.ConfigureAwait(false))
        {
            if (staged.StartsGeneration)
            {
                batch.BatchCommands.Add(BatchCommand($"DELETE FROM {Name(schema, TransformState)} WHERE {Key}", key, table));
            }

            var upsert = BatchCommand($"""
                INSERT INTO {Name(schema, Checkpoints)} (pipeline_id, source_id, target_table, state, committed_at)
                VALUES (@pipeline, @source, @table, @state, now())
                ON CONFLICT (pipeline_id, source_id, target_table) DO UPDATE SET state = EXCLUDED.state, committed_at = EXCLUDED.committed_at
                """, key, table);
            upsert.Parameters.AddWithValue("state", StateJson.Serialize(staged.State!));
            batch.BatchCommands.Add(upsert);
            foreach (var (transform, delta) in staged.Deltas)
            {
                var insert = BatchCommand($"""
                    INSERT INTO {Name(schema, TransformState)} (pipeline_id, source_id, target_table, transform, seq, delta)
                    SELECT @pipeline, @source, @table, @transform, COALESCE(MAX(seq), 0) + 1, @delta
                    FROM {Name(schema, TransformState)} WHERE {Key} AND transform = @transform
                    """, key, table);
                insert.Parameters.AddWithValue("transform", transform);
                insert.Parameters.AddWithValue("delta", NpgsqlDbType.Bytea, delta.ToArray());
                batch.BatchCommands.Add(insert);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets the checkpoint of one pipeline and source into <paramref name="table"/>.</summary>
    public static async Task ForgetAsync(NpgsqlConnection connection, string schema, CheckpointKey key, string table, CancellationToken cancellationToken)
    {
        var where = $"pipeline_id = {Literal(key.PipelineId)} AND source_id = {Literal(key.SourceId)} AND target_table = {Literal(table)}";
        await using var command = new NpgsqlCommand(
            $"""
            DO $$ BEGIN
                IF to_regclass({Literal(Name(schema, Checkpoints))}) IS NOT NULL THEN
                    DELETE FROM {Name(schema, Checkpoints)} WHERE {where};
                END IF;
                IF to_regclass({Literal(Name(schema, TransformState))}) IS NOT NULL THEN
                    DELETE FROM {Name(schema, TransformState)} WHERE {where};
                END IF;
            END $$
            """,
            connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets every checkpoint of <paramref name="table"/>, whose rows were dropped.</summary>
    public static async Task ForgetTableAsync(NpgsqlConnection connection, string schema, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            DO $$ BEGIN
                IF to_regclass({Literal(Name(schema, Checkpoints))}) IS NOT NULL THEN
                    DELETE FROM {Name(schema, Checkpoints)} WHERE target_table = {Literal(table)};
                END IF;
                IF to_regclass({Literal(Name(schema, TransformState))}) IS NOT NULL THEN
                    DELETE FROM {Name(schema, TransformState)} WHERE target_table = {Literal(table)};
                END IF;
            END $$
            """,
            connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Name(string schema, string table) => PostgresDialect.QualifiedName(schema, table);

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, CheckpointKey key, string table)
    {
        var command = new NpgsqlCommand(sql, connection);
        AddKey(command.Parameters, key, table);
        return command;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, CheckpointKey key, string table)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddKey(command.Parameters, key, table);
        return command;
    }

    private static void AddKey(NpgsqlParameterCollection parameters, CheckpointKey key, string table)
    {
        parameters.AddWithValue("pipeline", key.PipelineId);
        parameters.AddWithValue("source", key.SourceId);
        parameters.AddWithValue("table", table);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
