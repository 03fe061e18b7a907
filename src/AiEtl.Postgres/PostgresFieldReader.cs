using AiEtl.Internal;
using Npgsql;

namespace AiEtl.Postgres;

/// <summary>
/// Reads the current row of a data reader by schema ordinal, each value in its CLR type through
/// Npgsql's generic getters (no boxing). A value that does not convert becomes a <see cref="FieldFormatException"/>.
/// </summary>
internal readonly struct PostgresFieldReader : IFieldReader
{
    private readonly NpgsqlDataReader _reader;
    private readonly int[] _columns;
    private readonly Schema _schema;

    /// <param name="reader">The reader, on a row.</param>
    /// <param name="columns">The reader column of each schema ordinal.</param>
    /// <param name="schema">The schema, for the element types of array fields.</param>
    public PostgresFieldReader(NpgsqlDataReader reader, int[] columns, Schema schema)
    {
        _reader = reader;
        _columns = columns;
        _schema = schema;
    }

    public bool IsNull(int ordinal) => _reader.IsDBNull(_columns[ordinal]);

    public string ReadString(int ordinal)
    {
        try
        {
            return _reader.GetFieldValue<string>(_columns[ordinal]);
        }
        catch (InvalidCastException)
        {
            // A non-text column read into a string field: its invariant text.
            return Convert.ToString(_reader.GetValue(_columns[ordinal]), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
    }

    public short ReadInt16(int ordinal) => Checked(ordinal, "a 16-bit integer", static v => checked((short)v));

    public int ReadInt32(int ordinal) => Checked(ordinal, "a 32-bit integer", static v => checked((int)v));

    public long ReadInt64(int ordinal) => Get<long>(ordinal, "a 64-bit integer");

    public float ReadSingle(int ordinal) => (float)Get<double>(ordinal, "a number");

    public double ReadDouble(int ordinal) => Get<double>(ordinal, "a number");

    public decimal ReadDecimal(int ordinal) => Get<decimal>(ordinal, "a decimal number");

    public bool ReadBoolean(int ordinal) => Get<bool>(ordinal, "a boolean");

    public DateOnly ReadDate(int ordinal) => Get<DateOnly>(ordinal, "a date");

    public TimeOnly ReadTime(int ordinal) => Get<TimeOnly>(ordinal, "a time");

    public DateTime ReadDateTime(int ordinal) => Get<DateTime>(ordinal, "a date-time");

    public DateTimeOffset ReadDateTimeOffset(int ordinal) => Get<DateTimeOffset>(ordinal, "a timestamp with time zone");

    public Guid ReadGuid(int ordinal) => Get<Guid>(ordinal, "a UUID");

    public string ReadJson(int ordinal)
    {
        var field = _schema.Fields[ordinal];
        if (field.Type != FieldType.Array)
        {
            return Get<string>(ordinal, "JSON");
        }

        // The dynamic path carries arrays as JSON text.
        return field.ElementType switch
        {
            FieldType.Integer => JsonArrays.Format<long>(ReadArray<long>(ordinal)),
            FieldType.Float => JsonArrays.Format<double>(ReadArray<double>(ordinal)),
            FieldType.Decimal => JsonArrays.Format<decimal>(ReadArray<decimal>(ordinal)),
            FieldType.Boolean => JsonArrays.Format<bool>(ReadArray<bool>(ordinal)),
            FieldType.Date => JsonArrays.Format<DateOnly>(ReadArray<DateOnly>(ordinal)),
            FieldType.Time => JsonArrays.Format<TimeOnly>(ReadArray<TimeOnly>(ordinal)),
            FieldType.DateTime => JsonArrays.Format<DateTime>(ReadArray<DateTime>(ordinal)),
            FieldType.Timestamp => JsonArrays.Format<DateTimeOffset>(ReadArray<DateTimeOffset>(ordinal)),
            FieldType.Guid => JsonArrays.Format<Guid>(ReadArray<Guid>(ordinal)),
            _ => JsonArrays.Format<string>(ReadArray<string>(ordinal)),
        };
    }

    public TElement[] ReadArray<TElement>(int ordinal)
    {
        // BIGINT[] and DOUBLE PRECISION[] columns narrow to the record's element type, checked.
        if (typeof(TElement) == typeof(int))
        {
            return (TElement[])(object)Narrow(ordinal, static (long v) => checked((int)v));
        }

        if (typeof(TElement) == typeof(short))
        {
            return (TElement[])(object)Narrow(ordinal, static (long v) => checked((short)v));
        }

        if (typeof(TElement) == typeof(float))
        {
            return (TElement[])(object)Narrow(ordinal, static (double v) => (float)v);
        }

        return Get<TElement[]>(ordinal, $"a list of {typeof(TElement).Name}");
    }

    public TEnum ReadEnum<TEnum>(int ordinal)
        where TEnum : struct, Enum
    {
        var text = ReadString(ordinal);
        return Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) ? value : throw new FieldFormatException(ordinal, $"a member of {typeof(TEnum).Name}");
    }

    private TValue Get<TValue>(int ordinal, string expected)
    {
        try
        {
            return _reader.GetFieldValue<TValue>(_columns[ordinal]);
        }
        catch (Exception error) when (error is InvalidCastException or OverflowException or FormatException or NotSupportedException)
        {
            throw new FieldFormatException(ordinal, $"{expected} ({error.Message})", error);
        }
    }

    private TValue Checked<TValue>(int ordinal, string expected, Func<long, TValue> narrow)
    {
        var value = Get<long>(ordinal, expected);
        try
        {
            return narrow(value);
        }
        catch (OverflowException error)
        {
            throw new FieldFormatException(ordinal, $"{expected} ({value} is out of range)", error);
        }
    }

    private TTo[] Narrow<TFrom, TTo>(int ordinal, Func<TFrom, TTo> narrow)
    {
        var values = Get<TFrom[]>(ordinal, $"a list of {typeof(TTo).Name}");
        var result = new TTo[values.Length];
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                result[i] = narrow(values[i]);
            }
        }
        catch (OverflowException error)
        {
            throw new FieldFormatException(ordinal, $"a list of {typeof(TTo).Name} (an element is out of range)", error);
        }

        return result;
    }
}
