using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AiEtl.Internal;
using Npgsql;
using NpgsqlTypes;

namespace AiEtl.Postgres;

/// <summary>
/// Hands a record's fields to Npgsql's <see cref="NpgsqlBinaryImporter"/>, which encodes them into the current
/// row of a binary COPY, each with its column's exact wire type: the way for tables with array columns, which
/// <see cref="PostgresCopyEncoder"/> does not encode. <see cref="NpgsqlBinaryImporter.Write{T}(T, NpgsqlDbType)"/>
/// is generic, so no value is boxed; generated <c>WriteFields</c> code is specialised for this struct.
/// </summary>
internal struct PostgresImporterFieldWriter : IFieldWriter
{
    private readonly NpgsqlBinaryImporter _importer;
    private readonly NpgsqlDbType[] _types;
    private readonly Schema _schema;

    public PostgresImporterFieldWriter(NpgsqlBinaryImporter importer, NpgsqlDbType[] types, Schema schema)
    {
        _importer = importer;
        _types = types;
        _schema = schema;
    }

    /// <summary>The ordinal of the field being written, so an error can name its column.</summary>
    public int Ordinal { get; private set; }

    public void WriteNull(int ordinal)
    {
        Ordinal = ordinal;
        _importer.WriteNull();
    }

    public void WriteString(int ordinal, string value) => Write(ordinal, value);

    public void WriteInt16(int ordinal, short value) => WriteInteger(ordinal, value);

    public void WriteInt32(int ordinal, int value) => WriteInteger(ordinal, value);

    public void WriteInt64(int ordinal, long value) => WriteInteger(ordinal, value);

    public void WriteSingle(int ordinal, float value) => WriteDouble(ordinal, value);

    public void WriteDouble(int ordinal, double value)
    {
        if (_types[ordinal] == NpgsqlDbType.Real)
        {
            Write(ordinal, (float)value);
        }
        else
        {
            Write(ordinal, value);
        }
    }

    public void WriteDecimal(int ordinal, decimal value) => Write(ordinal, value);

    public void WriteBoolean(int ordinal, bool value) => Write(ordinal, value);

    public void WriteDate(int ordinal, DateOnly value) => Write(ordinal, value);

    public void WriteTime(int ordinal, TimeOnly value) => Write(ordinal, value);

    public void WriteDateTime(int ordinal, DateTime value) => Write(ordinal, ForColumn(value, _types[ordinal]));

    // timestamptz stores an instant; Npgsql takes it as UTC (the offset itself is not kept by PostgreSQL).
    public void WriteDateTimeOffset(int ordinal, DateTimeOffset value) => Write(ordinal, value.ToUniversalTime());

    public void WriteGuid(int ordinal, Guid value) => Write(ordinal, value);

    public void WriteJson(int ordinal, string json)
    {
        // Set before the JSON is parsed, so that a parse error names this column.
        Ordinal = ordinal;
        if ((_types[ordinal] & NpgsqlDbType.Array) == 0)
        {
            Write(ordinal, json);
            return;
        }

        // The dynamic path hands arrays over as JSON text: parse it into the column's element type.
        switch (_schema.Fields[ordinal].ElementType)
        {
            case FieldType.Integer:
                WriteArray<long>(ordinal, JsonArrays.Parse<long>(json));
                break;
            case FieldType.Float:
                WriteArray<double>(ordinal, JsonArrays.Parse<double>(json));
                break;
            case FieldType.Decimal:
                WriteArray<decimal>(ordinal, JsonArrays.Parse<decimal>(json));
                break;
            case FieldType.Boolean:
                WriteArray<bool>(ordinal, JsonArrays.Parse<bool>(json));
                break;
            case FieldType.Date:
                WriteArray<DateOnly>(ordinal, JsonArrays.Parse<DateOnly>(json));
                break;
            case FieldType.Time:
                WriteArray<TimeOnly>(ordinal, JsonArrays.Parse<TimeOnly>(json));
                break;
            case FieldType.DateTime:
                WriteArray<DateTime>(ordinal, JsonArrays.Parse<DateTime>(json));
                break;
            case FieldType.Timestamp:
                WriteArray<DateTimeOffset>(ordinal, JsonArrays.Parse<DateTimeOffset>(json));
                break;
            case FieldType.Guid:
                WriteArray<Guid>(ordinal, JsonArrays.Parse<Guid>(json));
                break;
            default:
                WriteArray<string>(ordinal, JsonArrays.Parse<string>(json));
                break;
        }
    }

    public void WriteArray<TElement>(int ordinal, ReadOnlySpan<TElement> values)
    {
        // Integers are stored as BIGINT[] and floats as DOUBLE PRECISION[]: widen to the column's element type.
        if (typeof(TElement) == typeof(int))
        {
            Write(ordinal, Widen(Reinterpret<TElement, int>(values), static v => (long)v));
        }
        else if (typeof(TElement) == typeof(short))
        {
            Write(ordinal, Widen(Reinterpret<TElement, short>(values), static v => (long)v));
        }
        else if (typeof(TElement) == typeof(float))
        {
            Write(ordinal, Widen(Reinterpret<TElement, float>(values), static v => (double)v));
        }
        else if (typeof(TElement) == typeof(DateTime))
        {
            var types = _types[ordinal];
            Write(ordinal, Widen(Reinterpret<TElement, DateTime>(values), v => ForColumn(v, types & ~NpgsqlDbType.Array)));
        }
        else if (typeof(TElement) == typeof(DateTimeOffset))
        {
            Write(ordinal, Widen(Reinterpret<TElement, DateTimeOffset>(values), static v => v.ToUniversalTime()));
        }
        else
        {
            Write(ordinal, values.ToArray());
        }
    }

    public void WriteEnum<TEnum>(int ordinal, TEnum value)
        where TEnum : struct, Enum => Write(ordinal, value.ToString());

    private void WriteInteger(int ordinal, long value)
    {
        switch (_types[ordinal])
        {
            case NpgsqlDbType.Integer:
                Write(ordinal, checked((int)value));
                break;
            case NpgsqlDbType.Smallint:
                Write(ordinal, checked((short)value));
                break;
            case NpgsqlDbType.Numeric:
                Write(ordinal, (decimal)value);
                break;
            default:
                Write(ordinal, value);
                break;
        }
    }

    private void Write<TValue>(int ordinal, TValue value)
    {
        Ordinal = ordinal;
        _importer.Write(value, _types[ordinal]);
    }

    // A timestamp column keeps the wall-clock time; timestamptz needs UTC (an unspecified time is taken as UTC).
    private static DateTime ForColumn(DateTime value, NpgsqlDbType type) => type == NpgsqlDbType.TimestampTz
        ? value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        }
        : DateTime.SpecifyKind(value, DateTimeKind.Unspecified);

    private static ReadOnlySpan<TTo> Reinterpret<TFrom, TTo>(ReadOnlySpan<TFrom> values) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TFrom, TTo>(ref MemoryMarshal.GetReference(values)), values.Length);

    private static TTo[] Widen<TFrom, TTo>(ReadOnlySpan<TFrom> values, Func<TFrom, TTo> convert)
    {
        var result = new TTo[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = convert(values[i]);
        }

        return result;
    }
}
