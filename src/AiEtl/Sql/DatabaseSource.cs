using System.ComponentModel;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace AiEtl.Internal;

/// <summary>
/// The read loop that database sources share: one streamed query over a table or a query, rows built by
/// the adapter's field reader, batches with checkpoints, and incremental reads by a cursor column.
/// </summary>
/// <remarks>
/// Incremental reads select <c>cursor &gt;= last value</c> ordered by (cursor, key) and skip the keys
/// already read at that value (<see cref="CursorBoundary"/>): rows that share the boundary value are
/// neither lost nor doubled, even when one arrives after the run that read the others. Rows whose cursor
/// is NULL are never read incrementally. The cursor and key values are read as objects, so incremental
/// reads box two values per row; full reads do not.
/// <para>For AiEtl's adapters and generated code, which is why it is public; it is not part of the supported API and may change in any release.</para>
/// </remarks>
/// <typeparam name="T">The row type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class DatabaseSource<T> : ISource<T>
{
    private SourceState _state = new();

    /// <summary>Creates the source.</summary>
    /// <param name="cursorColumn">The incremental cursor column, or <see langword="null"/> for full reads.</param>
    /// <param name="keyColumns">The columns identifying a row (defaults to the schema's primary key).</param>
    protected DatabaseSource(string? cursorColumn, IReadOnlyList<string>? keyColumns)
    {
        CursorColumn = cursorColumn;
        KeyColumns = keyColumns;
    }

    /// <inheritdoc />
    public abstract string SourceType { get; }

    /// <inheritdoc />
    public abstract string SourceId { get; }

    /// <inheritdoc />
    public bool SupportsIncremental => CursorColumn is not null;

    /// <summary>The incremental cursor column, if any.</summary>
    protected string? CursorColumn { get; }

    /// <summary>The key columns given in the options, if any.</summary>
    protected IReadOnlyList<string>? KeyColumns { get; }

    /// <summary>The schema of the rows built.</summary>
    protected abstract Schema RowSchema { get; }

    /// <summary>The <c>FROM</c> target: a quoted table name, or a query in parentheses with an alias.</summary>
    protected abstract string From { get; }

    /// <inheritdoc />
    public abstract ValueTask ConnectAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public ValueTask<Schema> GetSchemaAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(RowSchema);

    /// <inheritdoc />
    public SourceState GetState() => _state;

    /// <inheritdoc />
    public void SetState(SourceState state) => _state = state ?? throw new ArgumentNullException(nameof(state));

    /// <inheritdoc />
    public abstract ValueTask CloseAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await CloseAsync(CancellationToken.None).ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceBatch<T>> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var schema = RowSchema;
        var boundary = CursorColumn is null ? null : CursorBoundary.FromCheckpoint(_state.Checkpoint);
        var keys = CursorColumn is null ? [] : KeyColumns ?? schema.PrimaryKey ?? [];
        if (CursorColumn is not null && keys.Count == 0)
        {
            throw new PipelineConfigurationException(
                $"an incremental read by '{CursorColumn}' needs key columns to keep rows with equal cursor values exact: declare a primary key or set KeyColumns",
                new DataLocation(SourceId));
        }

        var reader = await ExecuteAsync(BuildQuery(boundary, keys), boundary?.Value, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var columns = BindColumns(reader, schema);
            var cursor = CursorColumn is null ? -1 : Ordinal(reader, CursorColumn);
            var keyOrdinals = keys.Select(k => Ordinal(reader, k)).ToArray();
            var processed = _state.RecordsProcessed;
            var lastKey = _state.Checkpoint.LastRecordId;
            var batch = new SourceBatch<T>(context.BatchSize) { PositionSource = SourceId };
            while (await NextAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                if (boundary is not null)
                {
                    lastKey = Key(reader, keyOrdinals);
                    if (!boundary.Accept(reader.GetValue(cursor), lastKey))
                    {
                        continue;
                    }
                }

                processed++;
                batch.RecordsRead++;
                var failure = TryRead(reader, columns, schema, processed, batch);
                if (failure is not null)
                {
                    await context.Errors.ReportAsync(failure, cancellationToken).ConfigureAwait(false);
                }

                // The batch ends on the row just read, so its state is exactly the position after that row.
                if (batch.RecordsRead >= context.BatchSize)
                {
                    batch.StateAfter = _state = Position(processed, lastKey, boundary);
                    yield return batch;
                    batch = new SourceBatch<T>(context.BatchSize) { PositionSource = SourceId };
                }
            }

            batch.StateAfter = _state = Position(processed, lastKey, boundary);
            yield return batch;
        }
    }

    /// <summary>Checks that exactly one of a table and a query is given.</summary>
    /// <exception cref="PipelineConfigurationException">Both or neither are given.</exception>
    protected static void RequireTableOrQuery(string? table, string? query, string database)
    {
        if ((table is null) == (query is null))
        {
            throw new PipelineConfigurationException($"a {database} source needs either a table or a query, not both");
        }
    }

    /// <summary>A short, stable name for a query in source ids and state files: <c>query:</c> and a hash of its text.</summary>
    protected static string QueryId(string query) =>
        "query:" + Convert.ToHexStringLower(Sha256.HashData(System.Text.Encoding.UTF8.GetBytes(query)))[..12];

    /// <summary>Quotes an identifier for this database.</summary>
    protected abstract string Quote(string identifier);

    /// <summary>Runs the query and returns a streaming reader; <paramref name="boundary"/>, when not null, is the query's single parameter.</summary>
    protected abstract ValueTask<DbDataReader> ExecuteAsync(string sql, object? boundary, CancellationToken cancellationToken);

    /// <summary>The text of the query's single parameter (<c>$1</c>, <c>$p0</c>).</summary>
    protected abstract string ParameterName { get; }

    /// <summary>Builds a row from the reader's current row.</summary>
    /// <exception cref="FieldFormatException">A value does not convert to its field's type.</exception>
    protected abstract T ReadRow(DbDataReader reader, int[] columns);

    private string BuildQuery(CursorBoundary? boundary, IReadOnlyList<string> keys)
    {
        var sql = $"SELECT * FROM {From}";
        if (CursorColumn is { } cursor)
        {
            sql += $" WHERE {Quote(cursor)} IS NOT NULL";
            if (boundary?.Value is not null)
            {
                sql += $" AND {Quote(cursor)} >= {ParameterName}";
            }

            sql += $" ORDER BY {Quote(cursor)}, {string.Join(", ", keys.Select(Quote))}";
        }

        return sql;
    }

    private static SourceState Position(long processed, string? lastKey, CursorBoundary? boundary) => new()
    {
        RecordsProcessed = processed,
        Checkpoint = new Checkpoint { Offset = processed, LastRecordId = lastKey, CustomState = boundary?.ToCustomState() ?? [] },
    };

    private RowError? TryRead(DbDataReader reader, int[] columns, Schema schema, long row, SourceBatch<T> batch)
    {
        try
        {
            batch.Add(ReadRow(reader, columns), 0, row);
            return null;
        }
        catch (FieldFormatException error)
        {
            var field = schema.Fields[error.Ordinal];
            return new RowError(PipelineStage.Extract, $"the value is not {error.Expected}")
            {
                Location = new DataLocation(SourceId) { Row = row, Column = columns[error.Ordinal] + 1, ColumnName = field.Name },
                Exception = error,
            };
        }
    }

    private async ValueTask<bool> NextAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException error)
        {
            throw new ReadException($"reading failed: {error.Message}", new DataLocation(SourceId), error);
        }
    }

    private int[] BindColumns(DbDataReader reader, Schema schema)
    {
        var byName = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => i, StringComparer.OrdinalIgnoreCase);
        var exact = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => i, StringComparer.Ordinal);
        var missing = schema.Fields.Where(f => !byName.ContainsKey(f.Name)).Select(f => $"'{f.Name}'").ToList();
        if (missing.Count > 0)
        {
            throw new SchemaException(
                $"the result has no column {string.Join(", ", missing)} of schema {schema.Name} (it has: {string.Join(", ", exact.Keys)})",
                new DataLocation(SourceId));
        }

        return [.. schema.Fields.Select(f => exact.TryGetValue(f.Name, out var i) ? i : byName[f.Name])];
    }

    private int Ordinal(DbDataReader reader, string column)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (string.Equals(reader.GetName(i), column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new SchemaException($"the result has no column '{column}' (the cursor or a key column)", new DataLocation(SourceId));
    }

    private static string Key(DbDataReader reader, int[] ordinals) =>
        ordinals.Length == 1
            ? CursorBoundary.FormatKey(reader.GetValue(ordinals[0]))
            : string.Join('\x1f', ordinals.Select(o => CursorBoundary.FormatKey(reader.GetValue(o))));
}
