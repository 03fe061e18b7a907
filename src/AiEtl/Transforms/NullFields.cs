namespace AiEtl;

/// <summary>
/// An <see cref="IFieldWriter"/> that writes nothing and only notes which fields are null, so a transform can ask the
/// generated codec of a typed row (or the codec of a dynamic one) which of its fields hold no value.
/// </summary>
internal ref struct NullFields(Span<bool> isNull) : IFieldWriter
{
    private readonly Span<bool> _isNull = isNull;

    public readonly void WriteNull(int ordinal) => _isNull[ordinal] = true;

    public readonly void WriteString(int ordinal, string value)
    {
    }

    public readonly void WriteInt16(int ordinal, short value)
    {
    }

    public readonly void WriteInt32(int ordinal, int value)
    {
    }

    public readonly void WriteInt64(int ordinal, long value)
    {
    }

    public readonly void WriteSingle(int ordinal, float value)
    {
    }

    public readonly void WriteDouble(int ordinal, double value)
    {
    }

    public readonly void WriteDecimal(int ordinal, decimal value)
    {
    }

    public readonly void WriteBoolean(int ordinal, bool value)
    {
    }

    public readonly void WriteDate(int ordinal, DateOnly value)
    {
    }

    public readonly void WriteTime(int ordinal, TimeOnly value)
    {
    }

    public readonly void WriteDateTime(int ordinal, DateTime value)
    {
    }

    public readonly void WriteDateTimeOffset(int ordinal, DateTimeOffset value)
    {
    }

    public readonly void WriteGuid(int ordinal, Guid value)
    {
    }

    public readonly void WriteJson(int ordinal, string json)
    {
    }

    public readonly void WriteArray<TElement>(int ordinal, ReadOnlySpan<TElement> values)
    {
    }

    public readonly void WriteEnum<TEnum>(int ordinal, TEnum value)
        where TEnum : struct, Enum
    {
    }
}
