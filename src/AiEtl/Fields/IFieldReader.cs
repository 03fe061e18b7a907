using AiEtl.Internal;

namespace AiEtl;

/// <summary>
/// Reads the fields of one row by schema ordinal. Each adapter implements it over its own row
/// (a CSV record, a database reader, a <see cref="Record"/>); generated <c>ReadFields</c> methods call
/// it with constant ordinals, so a struct implementation is specialised and inlined per record type.
/// </summary>
/// <remarks>A read that cannot convert its value throws <see cref="FieldFormatException"/>.</remarks>
public interface IFieldReader
{
    /// <summary>Whether the field holds no value.</summary>
    bool IsNull(int ordinal);

    /// <summary>Reads text.</summary>
    string ReadString(int ordinal);

    /// <summary>Reads a 16-bit integer.</summary>
    short ReadInt16(int ordinal);

    /// <summary>Reads a 32-bit integer.</summary>
    int ReadInt32(int ordinal);

    /// <summary>Reads a 64-bit integer.</summary>
    long ReadInt64(int ordinal);

    /// <summary>Reads a single-precision number.</summary>
    float ReadSingle(int ordinal);

    /// <summary>Reads a double-precision number.</summary>
    double ReadDouble(int ordinal);

    /// <summary>Reads an exact decimal.</summary>
    decimal ReadDecimal(int ordinal);

    /// <summary>Reads a boolean.</summary>
    bool ReadBoolean(int ordinal);

    /// <summary>Reads a date.</summary>
    DateOnly ReadDate(int ordinal);

    /// <summary>Reads a time of day.</summary>
    TimeOnly ReadTime(int ordinal);

    /// <summary>Reads a date and time (UTC when the input has an offset).</summary>
    DateTime ReadDateTime(int ordinal);

    /// <summary>Reads a point in time with its offset.</summary>
    DateTimeOffset ReadDateTimeOffset(int ordinal);

    /// <summary>Reads a GUID.</summary>
    Guid ReadGuid(int ordinal);

    /// <summary>Reads a JSON value as its JSON text.</summary>
    string ReadJson(int ordinal);

    /// <summary>
    /// Reads a list of scalar values (a <see cref="FieldType.Array"/> field). Element types: string, the integer and
    /// floating-point types, decimal, bool, DateOnly, TimeOnly, DateTime, DateTimeOffset, Guid
    /// (<see cref="JsonArrays"/> lists them). Text formats carry the list as a JSON array.
    /// </summary>
    TElement[] ReadArray<TElement>(int ordinal);

    /// <summary>Reads an enum member by name (case-insensitive) or number.</summary>
    TEnum ReadEnum<TEnum>(int ordinal)
        where TEnum : struct, Enum;
}
