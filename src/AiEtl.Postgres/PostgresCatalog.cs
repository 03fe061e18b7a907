using System.Data;
using Npgsql;

namespace AiEtl.Postgres;

/// <summary>Reads table and query shapes from PostgreSQL's catalog, mapped back to <see cref="FieldType"/>s.</summary>
public static class PostgresCatalog
{
    /// <summary>
    /// The schema of the source's table (from <c>pg_attribute</c>, primary key included) or query (from its
    /// result columns), for the dynamic path: build a <see cref="RecordCodec"/> with it.
    /// </summary>
    /// <exception cref="SchemaException">The table does not exist.</exception>
    public static Task<Schema> GetSchemaAsync(PostgresSourceOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return GetSchemaAsync(new PostgresConnector(options), options, cancellationToken);
    }

    /// <summary>
    /// The schema of the source's table or query, read through a connection taken from <paramref name="dataSource"/>
    /// (which stays the caller's to dispose).
    /// </summary>
    /// <exception cref="SchemaException">The table does not exist.</exception>
    public static Task<Schema> GetSchemaAsync(NpgsqlDataSource dataSource, PostgresSourceOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        return GetSchemaAsync(new PostgresConnector(options, dataSource), options, cancellationToken);
    }

    private static async Task<Schema> GetSchemaAsync(PostgresConnector connector, PostgresSourceOptions options, CancellationToken cancellationToken)
    {
        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (options.Query is { } query)
        {
            await using var command = new NpgsqlCommand(query, connection);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SchemaOnly, cancellationToken).ConfigureAwait(false);
            var columns = await reader.GetColumnSchemaAsync(cancellationToken).ConfigureAwait(false);
            return new Schema("query", [.. columns.Select(c => ToField(c.ColumnName, c.DataTypeName ?? "text", notNull: c.AllowDBNull == false))]);
        }

        var table = options.Table ?? throw new PipelineConfigurationException("a PostgreSQL source needs a table or a query");
        var found = await ReadColumnsAsync(connection, options.Schema, table, cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            throw new SchemaException($"the table '{options.Schema}.{table}' does not exist", new DataLocation($"{options.Schema}.{table}"));
        }

        var key = await ReadPrimaryKeyAsync(connection, options.Schema, table, cancellationToken).ConfigureAwait(false);
        return new Schema(table, [.. found.Select(c => ToField(c.Name, c.CatalogType, c.NotNull))])
        {
            PrimaryKey = key.Count > 0 ? key : null,
        };
    }

    /// <summary>The columns of a table in order; empty when the table does not exist.</summary>
    internal static async Task<List<PostgresColumn>> ReadColumnsAsync(NpgsqlConnection connection, string schema, string table, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """;
        await using var command = new NpgsqlCommand(Sql, connection) { Parameters = { new() { Value = schema }, new() { Value = table } } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var columns = new List<PostgresColumn>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            columns.Add(new PostgresColumn(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3)));
        }

        return columns;
    }

    /// <summary>The columns of the table's primary key, in key order; empty when it has none.</summary>
    internal static async Task<List<string>> ReadPrimaryKeyAsync(NpgsqlConnection connection, string schema, string table, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT a.attname
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
            WHERE n.nspname = $1 AND c.relname = $2 AND i.indisprimary
            ORDER BY k.position
            """;
        return await ReadNamesAsync(connection, Sql, schema, table, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the table has a unique index on exactly <paramref name="columns"/> (what <c>ON CONFLICT</c> needs).</summary>
    internal static async Task<bool> HasUniqueIndexAsync(NpgsqlConnection connection, string schema, string table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT string_agg(a.attname, E'\x1f' ORDER BY a.attname)
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
            WHERE n.nspname = $1 AND c.relname = $2 AND i.indisunique AND i.indpred IS NULL
            GROUP BY i.indexrelid
            """;
        var wanted = string.Join('\x1f', columns.Order(StringComparer.Ordinal));
        var indexes = await ReadNamesAsync(connection, Sql, schema, table, cancellationToken).ConfigureAwait(false);
        return indexes.Contains(wanted, StringComparer.Ordinal);
    }

    private static async Task<List<string>> ReadNamesAsync(NpgsqlConnection connection, string sql, string schema, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = schema }, new() { Value = table } } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var names = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static Field ToField(string name, string catalogType, bool notNull)
    {
        var (type, element) = PostgresDialect.FieldTypeOf(catalogType);
        return new Field(name, type) { IsNullable = !notNull, ElementType = element };
    }
}
