using AiEtl.Internal;
using Npgsql;
using NpgsqlTypes;

namespace AiEtl.Postgres;

// The table: created from the schema when missing, compared with it when it exists (and evolved when allowed).
public partial class PostgresDestination<T, TCodec>
{
    /// <inheritdoc />
    public override async ValueTask CreateSchemaAsync(Schema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var location = new DataLocation(_where);
        TableComparison.RequireCodecFields(_codec.Schema, schema, location);
        TableComparison.RequireKeyForMerge(_options.WriteMode, schema, location);

        try
        {
            if (_options.SchemaMode != SchemaMode.FailIfMissing)
            {
                await ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS {PostgresDialect.Quote(_options.Schema)}", cancellationToken).ConfigureAwait(false);
            }

            if (_options.SchemaMode == SchemaMode.DropAndCreate)
            {
                await ExecuteAsync($"DROP TABLE IF EXISTS {Target}", cancellationToken).ConfigureAwait(false);

                // The checkpoints described the rows just dropped.
                await PostgresCheckpointTables.ForgetTableAsync(Connection, _options.Schema, _table, cancellationToken).ConfigureAwait(false);
            }

            var existing = await PostgresCatalog.ReadColumnsAsync(Connection, _options.Schema, _table, cancellationToken).ConfigureAwait(false);
            if (existing.Count == 0)
            {
                if (_options.SchemaMode == SchemaMode.FailIfMissing)
                {
                    throw new SchemaException($"the table '{_options.Schema}.{_table}' does not exist and the schema mode is fail_if_missing", location);
                }

                await ExecuteAsync(PostgresDialect.CreateTable(schema, _options.Schema, _table), cancellationToken).ConfigureAwait(false);
                _types = [.. schema.Fields.Select(PostgresDialect.DbType)];
            }
            else
            {
                _types = await MatchExistingAsync(schema, existing, location, cancellationToken).ConfigureAwait(false);
            }

            _schema = schema;
            _buffer?.Dispose();
            _buffer = PostgresCopyEncoder.Supports(_types)
                ? new PostgresCopyBuffer()
                : throw new InvalidOperationException($"a column type of {_options.Schema}.{_table} has no binary COPY encoding: {string.Join(", ", _types)}");
            await PrepareWriteModeAsync(schema, location, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException error)
        {
            throw new SchemaException($"cannot prepare the table '{_options.Schema}.{_table}': {error.MessageText}", location, error);
        }
        catch (NpgsqlException error)
        {
            throw new ConnectionFailedException($"the connection failed while preparing the table '{_options.Schema}.{_table}': {_connector.Mask(error.Message)}", location, error);
        }
    }

    private async Task<NpgsqlDbType[]> MatchExistingAsync(Schema schema, List<PostgresColumn> existing, DataLocation location, CancellationToken cancellationToken)
    {
        var byName = existing.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var toAdd = TableComparison.Compare(
            schema,
            $"{_options.Schema}.{_table}",
            [.. existing.Select(c => (c.Name, c.NotNull, c.HasDefault))],
            _options.EvolveSchema,
            PostgresDialect.ColumnType,
            field => PostgresDialect.DbTypeForColumn(field, byName[field.Name].CatalogType) is null
                ? $"column '{field.Name}' is {byName[field.Name].CatalogType}, the schema needs {PostgresDialect.ColumnType(field)}"
                : null,
            StringComparer.Ordinal,
            location);
        foreach (var field in toAdd)
        {
            await ExecuteAsync($"ALTER TABLE {Target} ADD COLUMN {PostgresDialect.Quote(field.Name)} {PostgresDialect.ColumnType(field)}", cancellationToken).ConfigureAwait(false);
        }

        // Binary COPY needs each column's exact type: the existing column's where there is one.
        return [.. schema.Fields.Select(f => byName.TryGetValue(f.Name, out var column) ? PostgresDialect.DbTypeForColumn(f, column.CatalogType)!.Value : PostgresDialect.DbType(f))];
    }
}
