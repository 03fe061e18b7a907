using System.Runtime.CompilerServices;
using AiEtl.Internal;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AiEtl.Sqlite;

// The rows: formatted into SQLite's values ahead of loading (on the thread pool), then bound to one prepared INSERT
// (or upsert) row by row on the load thread.
public partial class SqliteDestination<T, TCodec>
{
    // About what the customer rows of the benchmarks take; the buffer grows past it when needed.
    private const int EncodedBytesPerRowGuess = 160;

    private sqlite3_stmt? _insert;

    // In merge mode into a WITHOUT ROWID table, which leaves last_insert_rowid alone: whether a row's key is there already.
    private sqlite3_stmt? _keyLookup;

    // Whether the insert binds through SqliteNativeMethods (the connection is e_sqlite3's) or SQLitePCLRaw's wrappers.
    private bool _bindsDirectly;

    /// <summary>Binds through SQLitePCLRaw's wrappers even where the direct calls serve (tests compare the two).</summary>
    internal bool BindsThroughSqlitePclRaw { get; init; }

    /// <inheritdoc />
    /// <remarks>Always: a row's stored values depend on nothing written before it.</remarks>
    public bool EncodesAhead => true;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public EncodedRows Encode(ReadOnlySpan<T> rows)
    {
        var encoded = new EncodedRows(rows.Length, rows.Length * EncodedBytesPerRowGuess);
        var encoder = new SqliteValueEncoder(encoded);
        try
        {
            foreach (ref readonly var row in rows)
            {
                _codec.Write(in row, ref encoder);
            }
        }
        catch
        {
            encoded.Dispose();
            throw;
        }

        return encoded;
    }

    /// <inheritdoc />
    public override ValueTask<int> WriteAsync(ReadOnlyMemory<T> rows, CancellationToken cancellationToken = default)
    {
        using var encoded = Encode(rows.Span);
        return WriteEncodedAsync(encoded, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Synchronous: SQLite's C API has no asynchronous calls, and a batch is quick to insert.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public unsafe ValueTask<int> WriteEncodedAsync(EncodedRows rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var insert = _insert ?? throw new InvalidOperationException("CreateSchemaAsync must run before WriteAsync");
        if (_transaction is null)
        {
            throw new InvalidOperationException("WriteAsync runs inside a transaction (BeginTransactionAsync)");
        }

        var values = rows.Bytes;
        var fieldCount = _schema!.Fields.Count;
        var written = 0;
        var merging = _options.WriteMode == WriteMode.Merge;
        var handle = Connection.Handle;
        var lastInserted = merging ? raw.sqlite3_last_insert_rowid(handle) : 0;
        var lookup = _keyLookup;
        var direct = _bindsDirectly;
        var statement = insert.DangerousGetHandle();

        // Pinned for the direct binds, which leave SQLite pointers into the batch until they are cleared below.
        fixed (byte* pinned = values)
        {
            try
            {
                for (; written < rows.Count; written++)
                {
                    var row = values;
                    var existed = lookup is not null && KeyExists(lookup, row, fieldCount);
                    var bound = SqliteValueBinder.BindRow(insert, direct, ref values, fieldCount, out var failedOrdinal);
                    var result = bound != raw.SQLITE_OK ? bound : direct ? SqliteNativeMethods.sqlite3_step(statement) : raw.sqlite3_step(insert);
                    _ = direct ? SqliteNativeMethods.sqlite3_reset(statement) : raw.sqlite3_reset(insert);
                    if (result != raw.SQLITE_DONE)
                    {
                        throw Rejected(written, failedOrdinal, result);
                    }

                    if (lookup is not null)
                    {
                        _rowsUpdated += existed ? 1 : 0;
                    }
                    else if (merging)
                    {
                        // An upsert that updates leaves the last inserted rowid as it was; one that inserts sets a new one.
                        var inserted = raw.sqlite3_last_insert_rowid(handle);
                        if (inserted == lastInserted)
                        {
                            _rowsUpdated++;
                        }

                        lastInserted = inserted;
                    }
                }
            }
            finally
            {
                if (direct)
                {
                    SqliteNativeMethods.sqlite3_clear_bindings(statement);
                }
            }
        }

        return ValueTask.FromResult(written);
    }

    private Exception Rejected(int index, int failedOrdinal, int result)
    {
        var column = failedOrdinal >= 0 ? _schema!.Fields[failedOrdinal].Name : null;
        var reason = $"{raw.sqlite3_errmsg(Connection.Handle).utf8_to_string()} (SQLite error {result})";
        var message = $"row {index + 1} of the batch was rejected: {reason}";
        var location = new DataLocation(DestinationId) { ColumnName = column };

        // A constraint, a type mismatch or a value too big is in the data: retrying cannot help.
        return (result & 0xFF) is raw.SQLITE_CONSTRAINT or raw.SQLITE_MISMATCH or raw.SQLITE_TOOBIG or raw.SQLITE_RANGE
            ? new DataRejectedException(message, location) { Reason = reason }
            : new WriteException(message, location);
    }

    // A raw statement on the connection's handle: it runs inside the transactions begun on that connection.
    private void PrepareInsert(Schema schema, string table)
    {
        _insert = Prepare(_options.WriteMode == WriteMode.Merge ? SqliteDialect.Upsert(schema, table) : SqliteDialect.Insert(schema, table));
        _bindsDirectly = !BindsThroughSqlitePclRaw && SqliteNativeMethods.ServeTheProvider();
        if (_options.WriteMode == WriteMode.Merge && IsWithoutRowid(table))
        {
            _keyLookup = Prepare(SqliteDialect.KeyLookup(schema, table));
        }
    }

    private sqlite3_stmt Prepare(string sql)
    {
        var result = raw.sqlite3_prepare_v2(Connection.Handle, sql, out var statement);
        if (result != raw.SQLITE_OK)
        {
            var message = raw.sqlite3_errmsg(Connection.Handle).utf8_to_string();
            statement?.Dispose();
            throw new SqliteException($"SQLite Error {result}: '{message}'.", result);
        }

        return statement;
    }

    private bool IsWithoutRowid(string table)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = $table";
        command.Parameters.AddWithValue("$table", table);
        return command.ExecuteScalar() is string sql && sql.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase);
    }

    // Binds the row to the lookup (only its key parameters are used) and asks whether the key is in the table.
    private static bool KeyExists(sqlite3_stmt lookup, ReadOnlySpan<byte> row, int fieldCount)
    {
        var found = SqliteValueBinder.BindRow(lookup, direct: false, ref row, fieldCount, out _) == raw.SQLITE_OK && raw.sqlite3_step(lookup) == raw.SQLITE_ROW;
        raw.sqlite3_reset(lookup);
        return found;
    }
}
