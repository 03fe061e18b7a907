using System.Globalization;
using AiEtl.Internal;
using Microsoft.Data.Sqlite;

namespace AiEtl.Sqlite;

/// <summary>
/// Reads the current row of a SQLite reader by schema ordinal, from the storage formats of
/// docs/type-mapping.md (dates as ISO-8601 text, booleans as 0/1, lists as JSON arrays).
/// </summary>
internal readonly struct SqliteFieldReader : IFieldReader
{
    private readonly SqliteDataReader _reader;
    private readonly int[] _columns;

    /// <param name="reader">The reader, on a row.</param>
    /// <param name="columns">The reader column of each schema ordinal.</param>
    public SqliteFieldReader(SqliteDataReader reader, int[] columns)
    {
        _reader = reader;
        _columns = columns;
    }

    public bool IsNull(int ordinal) => _reader.IsDBNull(_columns[ordinal]);

    public string ReadString(int ordinal) => _reader.GetString(_columns[ordinal]);

    public short ReadInt16(int ordinal) => Convert(ordinal, "a 16-bit integer", static (r, c) => checked((short)r.GetInt64(c)));

    public int ReadInt32(int ordinal) => Convert(ordinal, "a 32-bit integer", static (r, c) => checked((int)r.GetInt64(c)));

    public long ReadInt64(int ordinal) => Convert(ordinal, "a 64-bit integer", static (r, c) => r.GetInt64(c));

    public float ReadSingle(int ordinal) => (float)ReadDouble(ordinal);

    public double ReadDouble(int ordinal) => Convert(ordinal, "a number", static (r, c) => r.GetFieldType(c) == typeof(string) && r.GetString(c) == "NaN" ? double.NaN : r.GetDouble(c));

    public decimal ReadDecimal(int ordinal) => Convert(ordinal, "a decimal number", static (r, c) => r.GetDecimal(c));

    public bool ReadBoolean(int ordinal) => Convert(ordinal, "a boolean", static (r, c) => r.GetBoolean(c));

    public DateOnly ReadDate(int ordinal) => Convert(ordinal, "a date (yyyy-MM-dd)", static (r, c) => DateOnly.Parse(r.GetString(c), CultureInfo.InvariantCulture));

    public TimeOnly ReadTime(int ordinal) => Convert(ordinal, "a time (HH:mm:ss)", static (r, c) => TimeOnly.Parse(r.GetString(c), CultureInfo.InvariantCulture));

    // A trailing Z means UTC (the destination writes one for UTC values); no suffix stays unspecified.
    public DateTime ReadDateTime(int ordinal) =>
        Convert(ordinal, "an ISO-8601 date-time", static (r, c) => DateTime.Parse(r.GetString(c), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

    public DateTimeOffset ReadDateTimeOffset(int ordinal) =>
        Convert(ordinal, "an ISO-8601 timestamp", static (r, c) => DateTimeOffset.Parse(r.GetString(c), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));

    public Guid ReadGuid(int ordinal) => Convert(ordinal, "a GUID", static (r, c) => r.GetGuid(c));

    public string ReadJson(int ordinal) => _reader.GetString(_columns[ordinal]);

    public TElement[] ReadArray<TElement>(int ordinal) =>
        Convert(ordinal, $"a JSON array of {typeof(TElement).Name}", static (r, c) => JsonArrays.Parse<TElement>(r.GetString(c)));

    public TEnum ReadEnum<TEnum>(int ordinal)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(_reader.GetString(_columns[ordinal]), ignoreCase: true, out var value) ? value : throw new FieldFormatException(ordinal, $"a member of {typeof(TEnum).Name}");

    private TValue Convert<TValue>(int ordinal, string expected, Func<SqliteDataReader, int, TValue> read)
    {
        try
        {
            return read(_reader, _columns[ordinal]);
        }
        catch (Exception error) when (error is FormatException or InvalidCastException or OverflowException)
        {
            throw new FieldFormatException(ordinal, expected, error);
        }
    }
}
