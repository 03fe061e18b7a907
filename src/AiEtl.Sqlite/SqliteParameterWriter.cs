using System.Globalization;
using AiEtl.Fields;
using Microsoft.Data.Sqlite;

namespace AiEtl.Sqlite;

/// <summary>
/// Binds a record's fields to the prepared insert's parameters, in the storage formats of
/// docs/type-mapping.md. ADO.NET parameters hold objects, so value types are boxed here; the
/// dispatch to this writer is still specialised per record type by the generated code.
/// </summary>
internal readonly struct SqliteParameterWriter : IFieldWriter
{
    private readonly SqliteParameter[] _parameters;

    public SqliteParameterWriter(SqliteParameter[] parameters) => _parameters = parameters;

    public void WriteNull(int ordinal) => _parameters[ordinal].Value = DBNull.Value;

    public void WriteString(int ordinal, string value) => _parameters[ordinal].Value = value;

    public void WriteInt16(int ordinal, short value) => _parameters[ordinal].Value = (long)value;

    public void WriteInt32(int ordinal, int value) => _parameters[ordinal].Value = (long)value;

    public void WriteInt64(int ordinal, long value) => _parameters[ordinal].Value = value;

    public void WriteSingle(int ordinal, float value) => _parameters[ordinal].Value = (double)value;

    public void WriteDouble(int ordinal, double value) => _parameters[ordinal].Value = value;

    public void WriteDecimal(int ordinal, decimal value) => _parameters[ordinal].Value = value.ToString(CultureInfo.InvariantCulture);

    public void WriteBoolean(int ordinal, bool value) => _parameters[ordinal].Value = value ? 1L : 0L;

    public void WriteDate(int ordinal, DateOnly value) => _parameters[ordinal].Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void WriteTime(int ordinal, TimeOnly value) => _parameters[ordinal].Value = value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public void WriteDateTime(int ordinal, DateTime value) => _parameters[ordinal].Value = SqliteValues.FormatDateTime(value);

    public void WriteDateTimeOffset(int ordinal, DateTimeOffset value) => _parameters[ordinal].Value = value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public void WriteGuid(int ordinal, Guid value) => _parameters[ordinal].Value = value.ToString("D");

    public void WriteJson(int ordinal, string json) => _parameters[ordinal].Value = json;

    public void WriteArray<TElement>(int ordinal, ReadOnlySpan<TElement> values) => _parameters[ordinal].Value = JsonArrays.Format(values);

    public void WriteEnum<TEnum>(int ordinal, TEnum value)
        where TEnum : struct, Enum => _parameters[ordinal].Value = value.ToString();
}
