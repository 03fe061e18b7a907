using Microsoft.Data.Sqlite;

namespace AiEtl.Sqlite;

/// <summary>Reads table and query shapes from a SQLite database, mapped back to <see cref="FieldType"/>s by declared type.</summary>
public static class SqliteCatalog
{
    /// <summary>
    /// The schema of the source's table (from <c>pragma_table_info</c>, primary key included) or query (the
    /// declared types of its result columns), for the dynamic path: build a <see cref="RecordCodec"/> with it.
    /// Dates are TEXT in SQLite, so columns this library created as dates read back as strings unless declared DATE/DATETIME.
    /// </summary>
    /// <exception cref="SchemaException">The table does not exist.</exception>
    /// <exception cref="PipelineConfigurationException">The database file does not exist.</exception>
    /// <exception cref="ConnectionFailedException">The database cannot be opened.</exception>
    public static async Task<Schema> GetSchemaAsync(SqliteSourceOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        // As the source's ConnectAsync: a missing or unreadable file is the framework's error, not SQLite's unhandled one.
        if (!File.Exists(options.Path))
        {
            throw new PipelineConfigurationException("the SQLite database does not exist", new DataLocation(options.Path));
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = options.Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error)
        {
            throw new ConnectionFailedException($"cannot open the SQLite database: {error.Message}", new DataLocation(options.Path), error);
        }

        await using var command = connection.CreateCommand();
        if (options.Query is { } query)
        {
            command.CommandText = query;
            await using var result = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SchemaOnly, cancellationToken).ConfigureAwait(false);
            return new Schema("query", [.. Enumerable.Range(0, result.FieldCount).Select(i => new Field(result.GetName(i), SqliteDialect.FieldTypeOf(result.GetDataTypeName(i))))]);
        }

        var table = options.Table ?? throw new PipelineConfigurationException("a SQLite source needs a table or a query", new DataLocation(options.Path));
        command.CommandText = "SELECT name, type, \"notnull\", pk FROM pragma_table_info($table) ORDER BY cid";
        command.Parameters.AddWithValue("$table", table);
        var fields = new List<Field>();
        var key = new SortedList<long, string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var name = reader.GetString(0);
                fields.Add(new Field(name, SqliteDialect.FieldTypeOf(reader.GetString(1))) { IsNullable = !reader.GetBoolean(2) });
                if (reader.GetInt64(3) > 0)
                {
                    key.Add(reader.GetInt64(3), name);
                }
            }
        }

        if (fields.Count == 0)
        {
            throw new SchemaException($"the table '{table}' does not exist", new DataLocation(options.Path));
        }

        return new Schema(table, fields) { PrimaryKey = key.Count > 0 ? [.. key.Values] : null };
    }
}
