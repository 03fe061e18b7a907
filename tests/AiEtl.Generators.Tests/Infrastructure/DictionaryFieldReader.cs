
namespace AiEtl.Generators.Tests.Infrastructure;

/// <summary>
/// Reads a row held as ordinal to value. A <see langword="ref"/> struct, to prove the generated
/// <c>ReadFields</c> accepts one (<c>allows ref struct</c>).
/// </summary>
internal readonly ref struct DictionaryFieldReader(IReadOnlyDictionary<int, object?> values) : IFieldReader
{
    public bool IsNull(int ordinal) => values[ordinal] is null;

    public string ReadString(int ordinal) => Read<string>(ordinal);

    public short ReadInt16(int ordinal) => Read<short>(ordinal);

    public int ReadInt32(int ordinal) => Read<int>(ordinal);

    public long ReadInt64(int ordinal) => Read<long>(ordinal);

    public float ReadSingle(int ordinal) => Read<float>(ordinal);

    public double ReadDouble(int ordinal) => Read<double>(ordinal);

    public decimal ReadDecimal(int ordinal) => Read<decimal>(ordinal);

    public bool ReadBoolean(int ordinal) => Read<bool>(ordinal);

    public DateOnly ReadDate(int ordinal) => Read<DateOnly>(ordinal);

    public TimeOnly ReadTime(int ordinal) => Read<TimeOnly>(ordinal);

    public DateTime ReadDateTime(int ordinal) => Read<DateTime>(ordinal);

    public DateTimeOffset ReadDateTimeOffset(int ordinal) => Read<DateTimeOffset>(ordinal);

    public Guid ReadGuid(int ordinal) => Read<Guid>(ordinal);

    public string ReadJson(int ordinal) => Read<JsonText>(ordinal).Text;

    public TElement[] ReadArray<TElement>(int ordinal) => Read<TElement[]>(ordinal);

    public TEnum ReadEnum<TEnum>(int ordinal)
        where TEnum : struct, Enum => Read<TEnum>(ordinal);

    /// <summary>The value at <paramref name="ordinal"/>, which must be a <typeparamref name="T"/>: a wrong read fails the test.</summary>
    private T Read<T>(int ordinal)
    {
        return values[ordinal] is T value
            ? value
            : throw new FieldFormatException(ordinal, typeof(T).Name);
    }
}
