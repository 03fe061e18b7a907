using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace AiEtl.Postgres;

// Append COPYs into the table. Replace COPYs into a staging table that CompleteAsync swaps in at the end of
// the run. Merge COPYs each transaction into a temporary table and upserts it into the table at the commit.
public partial class PostgresDestination<T, TCodec>
{
    private const string MergeStage = "aietl_merge_stage";
    private const string MergeSequence = "__aietl_seq";

    // The COPY of the write mode, and in merge mode the upsert that follows it.
    private string _copy = "";
    private string? _merge;
    private string? _staging;
    private bool _completed;

    /// <inheritdoc />
    public bool PublishesOnCompletion => _options.WriteMode == WriteMode.Replace;

    /// <inheritdoc />
    public bool MergesOnPrimaryKey => _options.WriteMode == WriteMode.Merge;

    /// <summary>In replace mode, swaps the staged rows in: one transaction deletes the old rows, inserts the new ones and commits the run's checkpoint.</summary>
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
            await WriteStagedCheckpointAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            CheckpointCommitted();
            _completed = true;
        }
        catch (Exception error) when (error is NpgsqlException or EtlException)
        {
            throw new WriteException($"the replace of '{_options.Schema}.{_table}' failed, the table keeps its old rows: {_connector.Mask(error.Message)}", location, error);
        }
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
            : "aietl_staging_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_table)))[..16];
    }

    // Each transaction's COPY goes into its own temporary table, which the commit drops.
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

    // After the COPY of a transaction, in merge mode: upsert the staged rows into the table.
    private async Task MergeStagedRowsAsync(CancellationToken cancellationToken)
    {
        if (_merge is not null)
        {
            await ExecuteAsync(_merge, cancellationToken).ConfigureAwait(false);
        }
    }

    // A replace that did not complete leaves nothing behind.
    private async Task DropUnfinishedStagingAsync(CancellationToken cancellationToken)
    {
        if (_staging is not null && !_completed && !PostgresConnector.IsLost(_connection))
        {
            await ExecuteAsync($"DROP TABLE IF EXISTS {PostgresDialect.QualifiedName(_options.Schema, _staging)}", cancellationToken).ConfigureAwait(false);
        }
    }
}
