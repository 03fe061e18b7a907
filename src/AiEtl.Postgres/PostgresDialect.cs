using System.Text;
using NpgsqlTypes;

namespace AiEtl.Postgres;

/// <summary>PostgreSQL's side of the type-mapping table (docs/type-mapping.md), identifier quoting and the statements built from a schema.</summary>
internal static class PostgresDialect
{
    /// <summary>PostgreSQL cuts longer identifiers silently, which could turn one name into another.</summary>
    private const int MaxIdentifierBytes = 63;

    /// <summary>The column type of a field: <c>TEXT</c>, <c>BIGINT</c>, <c>DOUBLE PRECISION</c>, ..., an element type with <c>[]</c> for arrays.</summary>
    /// <exception cref="SchemaException">An array field has no element type, or one that cannot be an array element.</exception>
    public static string ColumnType(Field field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Type == FieldType.Array ? ScalarType(ElementType(field)) + "[]" : ScalarType(field.Type);
    }

    /// <summary>The Npgsql type a field is written as, for binary COPY.</summary>
    public static NpgsqlDbType DbType(Field field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Type == FieldType.Array ? NpgsqlDbType.Array | ScalarDbType(ElementType(field)) : ScalarDbType(field.Type);
    }

    /// <summary>Quotes an identifier, so any name (even one with quotes or SQL in it) is only a name.</summary>
    /// <exception cref="SchemaException">The name is empty, holds a NUL character or is longer than PostgreSQL keeps (63 bytes).</exception>
    public static string Quote(string identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            throw new SchemaException("an empty name cannot be a PostgreSQL identifier");
        }

        if (identifier.Contains('\0', StringComparison.Ordinal))
        {
            throw new SchemaException($"the identifier '{identifier.Replace("\0", "\\0", StringComparison.Ordinal)}' contains a NUL character");
        }

        if (Encoding.UTF8.GetByteCount(identifier) > MaxIdentifierBytes)
        {
            throw new SchemaException($"the identifier '{identifier}' is longer than PostgreSQL's {MaxIdentifierBytes} bytes");
        }

        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A quoted <c>"schema"."table"</c>.</summary>
    public static string QualifiedName(string schema, string table) => Quote(schema) + "." + Quote(table);

    /// <summary>The <c>CREATE TABLE</c> statement for a schema, primary key included.</summary>
    public static string CreateTable(Schema schema, string postgresSchema, string table)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var sql = new StringBuilder("CREATE TABLE ").Append(QualifiedName(postgresSchema, table)).Append(" (");
        for (var i = 0; i < schema.Fields.Count; i++)
        {
            var field = schema.Fields[i];
            sql.Append(i == 0 ? "\n    " : ",\n    ").Append(Quote(field.Name)).Append(' ').Append(ColumnType(field));
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

    /// <summary>The quoted column list of a schema: <c>"a", "b"</c>.</summary>
    public static string ColumnList(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return string.Join(", ", schema.Fields.Select(f => Quote(f.Name)));
    }

    /// <summary>The field type a catalog type name (<c>format_type</c>) maps back to, and the element type of an array.</summary>
    public static (FieldType Type, FieldType? ElementType) FieldTypeOf(string catalogType)
    {
        ArgumentNullException.ThrowIfNull(catalogType);
        if (catalogType.EndsWith("[]", StringComparison.Ordinal))
        {
            return (FieldType.Array, FieldTypeOf(catalogType[..^2]).Type);
        }

        var name = catalogType.Split('(')[0].Trim();
        return name switch
        {
            "smallint" or "integer" or "bigint" => (FieldType.Integer, null),
            "double precision" or "real" => (FieldType.Float, null),
            "numeric" => (FieldType.Decimal, null),
            "boolean" => (FieldType.Boolean, null),
            "date" => (FieldType.Date, null),
            "time without time zone" => (FieldType.Time, null),
            "timestamp without time zone" => (FieldType.DateTime, null),
            "timestamp with time zone" => (FieldType.Timestamp, null),
            "json" or "jsonb" => (FieldType.Json, null),
            "uuid" => (FieldType.Guid, null),
            _ => (FieldType.String, null),
        };
    }

    /// <summary>
    /// How a field is written into an existing column of catalog type <paramref name="catalogType"/>, or
    /// <see langword="null"/> when binary COPY cannot convert (binary COPY needs the exact wire type).
    /// </summary>
    internal static NpgsqlDbType? DbTypeForColumn(Field field, string catalogType)
    {
        var name = catalogType.Split('(')[0].Trim();
        return (field.Type, name) switch
        {
            (FieldType.Integer, "bigint") => NpgsqlDbType.Bigint,
            (FieldType.Integer, "integer") => NpgsqlDbType.Integer,
            (FieldType.Integer, "smallint") => NpgsqlDbType.Smallint,
            (FieldType.Integer or FieldType.Decimal, "numeric") => NpgsqlDbType.Numeric,
            (FieldType.String, "text") => NpgsqlDbType.Text,
            (FieldType.String, "character varying") => NpgsqlDbType.Varchar,
            (FieldType.Float, "double precision") => NpgsqlDbType.Double,
            (FieldType.Float, "real") => NpgsqlDbType.Real,
            (FieldType.Json, "jsonb") => NpgsqlDbType.Jsonb,
            (FieldType.Json, "json") => NpgsqlDbType.Json,
            (FieldType.Json, "text") => NpgsqlDbType.Text,
            (FieldType.Boolean, "boolean") => NpgsqlDbType.Boolean,
            (FieldType.Date, "date") => NpgsqlDbType.Date,
            (FieldType.Time, "time without time zone") => NpgsqlDbType.Time,
            (FieldType.DateTime, "timestamp without time zone") => NpgsqlDbType.Timestamp,
            (FieldType.Timestamp, "timestamp with time zone") => NpgsqlDbType.TimestampTz,
            (FieldType.Guid, "uuid") => NpgsqlDbType.Uuid,
            (FieldType.Array, _) when field.ElementType is not null && catalogType == ScalarCatalogName(field.ElementType.Value) + "[]" => DbType(field),
            _ => null,
        };
    }

    private static FieldType ElementType(Field field) =>
        field.ElementType is { } element && element is not (FieldType.Array or FieldType.Json)
            ? element
            : throw new SchemaException($"the array field '{field.Name}' needs a scalar element type (Field.ElementType)");

    private static string ScalarType(FieldType type) => type switch
    {
        FieldType.Integer => "BIGINT",
        FieldType.Float => "DOUBLE PRECISION",
        FieldType.Decimal => "NUMERIC",
        FieldType.Boolean => "BOOLEAN",
        FieldType.Date => "DATE",
        FieldType.Time => "TIME",
        FieldType.DateTime => "TIMESTAMP",
        FieldType.Timestamp => "TIMESTAMPTZ",
        FieldType.Json => "JSONB",
        FieldType.Guid => "UUID",
        _ => "TEXT",
    };

    private static string ScalarCatalogName(FieldType type) => type switch
    {
        FieldType.Integer => "bigint",
        FieldType.Float => "double precision",
        FieldType.Decimal => "numeric",
        FieldType.Boolean => "boolean",
        FieldType.Date => "date",
        FieldType.Time => "time without time zone",
        FieldType.DateTime => "timestamp without time zone",
        FieldType.Timestamp => "timestamp with time zone",
        FieldType.Json => "jsonb",
        FieldType.Guid => "uuid",
        _ => "text",
    };

    private static NpgsqlDbType ScalarDbType(FieldType type) => type switch
    {
        FieldType.Integer => NpgsqlDbType.Bigint,
        FieldType.Float => NpgsqlDbType.Double,
        FieldType.Decimal => NpgsqlDbType.Numeric,
        FieldType.Boolean => NpgsqlDbType.Boolean,
        FieldType.Date => NpgsqlDbType.Date,
        FieldType.Time => NpgsqlDbType.Time,
        FieldType.DateTime => NpgsqlDbType.Timestamp,
        FieldType.Timestamp => NpgsqlDbType.TimestampTz,
        FieldType.Json => NpgsqlDbType.Jsonb,
        FieldType.Guid => NpgsqlDbType.Uuid,
        _ => NpgsqlDbType.Text,
    };
}
