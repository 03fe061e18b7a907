namespace AiEtl;

/// <summary>
/// Receives the fields of one row by schema ordinal. Each adapter implements it over its own output
/// (SQLite parameters, a PostgreSQL COPY row, a CSV or JSON writer, a <see cref="Record"/>); generated
/// <c>WriteFields</c> methods call it with constant ordinals.
/// </summary>
public interface IFieldWriter
{
    /// <summary>Writes the absence of a value.</summary>
    void WriteNull(int ordinal);

    /// <summary>Writes text.</summary>
    void WriteString(int ordinal, string value);

    /// <summary>Writes a 16-bit integer.</summary>
    void WriteInt16(int ordinal, short value);

    /// <summary>Writes a 32-bit integer.</summary>
    void WriteInt32(int ordinal, int value);

    /// <summary>Writes a 64-bit integer.</summary>
    void WriteInt64(int ordinal, long value);

    /// <summary>Writes a single-precision number.</summary>
    void WriteSingle(int ordinal, float value);

    /// <summary>Writes a double-precision number.</summary>
    void WriteDouble(int ordinal, double value);

    /// <summary>Writes an exact decimal.</summary>
    void WriteDecimal(int ordinal, decimal value);

    /// <summary>Writes a boolean.</summary>
    void WriteBoolean(int ordinal, bool value);

    /// <summary>Writes a date.</summary>
    void WriteDate(int ordinal, DateOnly value);

    /// <summary>Writes a time of day.</summary>
    void WriteTime(int ordinal, TimeOnly value);

    /// <summary>Writes a date and time.</summary>
    void WriteDateTime(int ordinal, DateTime value);

    /// <summary>Writes a point in time with its offset.</summary>
    void WriteDateTimeOffset(int ordinal, DateTimeOffset value);

    /// <summary>Writes a GUID.</summary>
    void WriteGuid(int ordinal, Guid value);

    /// <summary>Writes JSON text.</summary>
    void WriteJson(int ordinal, string json);

    /// <summary>Writes a list of scalar values (see <see cref="IFieldReader.ReadArray{TElement}"/>).</summary>
    void WriteArray<TElement>(int ordinal, ReadOnlySpan<TElement> values);

    /// <summary>Writes an enum member (adapters write its name).</summary>
    void WriteEnum<TEnum>(int ordinal, TEnum value)
        where TEnum : struct, Enum;
}
