using System.Text;

namespace AiEtl.Sqlite;

/// <summary>SQLite's side of the type-mapping table, identifier quoting and the statements built from a schema.</summary>
internal static class SqliteDialect
{
    /// <summary>The SQLite column type of a field type (docs/type-mapping.md).</summary>
    public static string ColumnType(FieldType type) => type switch
    {
        FieldType.Integer or FieldType.Boolean => "INTEGER",
        FieldType.Float => "REAL",
        FieldType.Decimal => "NUMERIC",
        _ => "TEXT",
    };

    /// <summary>Quotes an identifier, so any name (even one with quotes or SQL in it) is only a name.</summary>
    public static string Quote(string identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        if (identifier.Contains('\0', StringComparison.Ordinal))
        {
            throw new SchemaException($"the identifier '{identifier.Replace("\0", "\\0", StringComparison.Ordinal)}' contains a NUL character");
        }

        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The <c>CREATE TABLE</c> statement for a schema, primary key included.</summary>
    public static string CreateTable(Schema schema, string table, bool ifNotExists = true)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var sql = new StringBuilder("CREATE TABLE ");
        if (ifNotExists)
        {
            sql.Append("IF NOT EXISTS ");
        }

        sql.Append(Quote(table)).Append(" (");
        for (var i = 0; i < schema.Fields.Count; i++)
        {
            var field = schema.Fields[i];
            sql.Append(i == 0 ? "\n    " : ",\n    ").Append(Quote(field.Name)).Append(' ').Append(ColumnType(field.Type));
            if (!field.IsNullable)
            {
                sql.Append(" NOT NULL");
            }
        }

        if (schema.PrimaryKey is { Count: > 0 } key)
        {
            sql.Append(",\n    PRIMARY KEY (").AppendJoin(", ", key.Select(Quote)).Append(')');
        }

        return sql.Append("\n)").ToString();
    }

    /// <summary>The parameterised <c>INSERT</c> statement for a schema; parameter <c>$pN</c> is field N.</summary>
    public static string Insert(Schema schema, string table)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return $"INSERT INTO {Quote(table)} ({string.Join(", ", schema.Fields.Select(f => Quote(f.Name)))}) "
            + $"VALUES ({string.Join(", ", schema.Fields.Select((_, i) => ParameterName(i)))})";
    }

    /// <summary>
    /// The parameterised upsert for a schema with a primary key: <c>INSERT ... ON CONFLICT (key) DO UPDATE</c>
    /// every other column (or <c>DO NOTHING</c> when every column is in the key).
    /// </summary>
    public static string Upsert(Schema schema, string table)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var key = schema.PrimaryKey is { Count: > 0 } pk ? pk : throw new SchemaException($"schema {schema.Name} has no primary key to merge on");
        var updates = schema.Fields.Where(f => !key.Contains(f.Name)).Select(f => $"{Quote(f.Name)} = excluded.{Quote(f.Name)}").ToList();
        return Insert(schema, table) + $" ON CONFLICT ({string.Join(", ", key.Select(Quote))}) "
            + (updates.Count == 0 ? "DO NOTHING" : "DO UPDATE SET " + string.Join(", ", updates));
    }

    /// <summary>
    /// Whether a row's key is in the table: <c>SELECT 1 ... WHERE key IS ?N</c>, parameter N being the key field's
    /// ordinal + 1 as in <see cref="Insert"/>, so the same field writer binds it; the last parameter is named too, so
    /// that binding every field is in range.
    /// </summary>
    public static string KeyLookup(Schema schema, string table)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var key = schema.PrimaryKey ?? throw new SchemaException($"schema {schema.Name} has no primary key to merge on");
        var conditions = key.Select(name => $"{Quote(name)} IS ?{schema.IndexOf(name) + 1}").Append($"?{schema.Fields.Count} IS ?{schema.Fields.Count}");
        return $"SELECT 1 FROM {Quote(table)} WHERE {string.Join(" AND ", conditions)}";
    }

    /// <summary>The field type a declared SQLite column type maps back to (by SQLite's affinity rules, plus the names this dialect writes).</summary>
    public static FieldType FieldTypeOf(string? declaredType)
    {
        var type = (declaredType ?? "").ToUpperInvariant();
        return type switch
        {
            _ when type.Contains("BOOL", StringComparison.Ordinal) => FieldType.Boolean,
            _ when type.Contains("INT", StringComparison.Ordinal) => FieldType.Integer,
            _ when type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal) => FieldType.Float,
            _ when type.Contains("DATETIME", StringComparison.Ordinal) || type.Contains("TIMESTAMP", StringComparison.Ordinal) => FieldType.DateTime,
            _ when type == "DATE" => FieldType.Date,
            _ when type == "TIME" => FieldType.Time,
            _ when type.Contains("NUMERIC", StringComparison.Ordinal) || type.Contains("DECIMAL", StringComparison.Ordinal) => FieldType.Decimal,
            _ => FieldType.String,
        };
    }

    /// <summary>The name of the parameter for field <paramref name="ordinal"/>.</summary>
    public static string ParameterName(int ordinal) => "$p" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
