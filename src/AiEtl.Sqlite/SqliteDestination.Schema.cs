using AiEtl.Internal;
using Microsoft.Data.Sqlite;

namespace AiEtl.Sqlite;

// The table: created from the schema when missing, compared with it when it exists (and evolved when allowed).
public partial class SqliteDestination<T, TCodec>
{
    /// <inheritdoc />
    public override async ValueTask CreateSchemaAsync(Schema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var location = new DataLocation(DestinationId);
        TableComparison.RequireCodecFields(_codec.Schema, schema, location);
        TableComparison.RequireKeyForMerge(_options.WriteMode, schema, location);

        try
        {
            if (_options.SchemaMode == SchemaMode.DropAndCreate)
            {
                await ExecuteAsync($"DROP TABLE IF EXISTS {SqliteDialect.Quote(_table)}", cancellationToken).ConfigureAwait(false);

                // The checkpoints described the rows just dropped.
                await SqliteCheckpointTables.ForgetTableAsync(Connection, _table, cancellationToken).ConfigureAwait(false);
            }

            var existing = await ReadColumnsAsync(_table, cancellationToken).ConfigureAwait(false);
            if (existing.Count == 0)
            {
                if (_options.SchemaMode == SchemaMode.FailIfMissing)
                {
                    throw new SchemaException($"the table '{_table}' does not exist and the schema mode is fail_if_missing", location);
                }

                await ExecuteAsync(SqliteDialect.CreateTable(schema, _table), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await MatchExistingAsync(schema, existing, location, cancellationToken).ConfigureAwait(false);
            }

            _schema = schema;
            PrepareInsert(schema, await PrepareWriteModeAsync(schema, cancellationToken).ConfigureAwait(false));
        }
        catch (SqliteException error)
        {
            throw new SchemaException($"cannot prepare the table '{_table}' for write mode {_options.WriteMode}: {error.Message}", location, error);
        }
    }

    // SQLite's type affinity converts what it can, so only missing and required columns are differences.
    private async Task MatchExistingAsync(Schema schema, List<SqliteColumn> existing, DataLocation location, CancellationToken cancellationToken)
    {
        var toAdd = TableComparison.Compare(
            schema,
            _table,
            [.. existing.Select(c => (c.Name, c.NotNull, c.HasDefault))],
            _options.EvolveSchema,
            field => SqliteDialect.ColumnType(field.Type),
            static _ => null,
            StringComparer.OrdinalIgnoreCase,
            location);
        foreach (var field in toAdd)
        {
            await ExecuteAsync($"ALTER TABLE {SqliteDialect.Quote(_table)} ADD COLUMN {SqliteDialect.Quote(field.Name)} {SqliteDialect.ColumnType(field.Type)}", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<SqliteColumn>> ReadColumnsAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = "SELECT name, type, \"notnull\", dflt_value IS NOT NULL FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table);
        var columns = new List<SqliteColumn>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            columns.Add(new SqliteColumn(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3)));
        }

        return columns;
    }
}
