namespace AiEtl;

/// <summary>Writes a row's fields into a dictionary keyed by field name (the <see cref="Record"/> shape).</summary>
internal readonly struct DictionaryFieldWriter : IFieldWriter
{
    private readonly Schema _schema;

    public DictionaryFieldWriter(Schema schema, Dictionary<string, object?> values)
    {
        _schema = schema;
        Values = values;
    }

    public Dictionary<string, object?> Values { get; }

    public void WriteNull(int ordinal) => Set(ordinal, null);

    public void WriteString(int ordinal, string value) => Set(ordinal, value);

    public void WriteInt16(int ordinal, short value) => Set(ordinal, value);

    public void WriteInt32(int ordinal, int value) => Set(ordinal, value);

    public void WriteInt64(int ordinal, long value) => Set(ordinal, value);

    public void WriteSingle(int ordinal, float value) => Set(ordinal, value);

    public void WriteDouble(int ordinal, double value) => Set(ordinal, value);

    public void WriteDecimal(int ordinal, decimal value) => Set(ordinal, value);

    public void WriteBoolean(int ordinal, bool value) => Set(ordinal, value);

    public void WriteDate(int ordinal, DateOnly value) => Set(ordinal, value);

    public void WriteTime(int ordinal, TimeOnly value) => Set(ordinal, value);

    public void WriteDateTime(int ordinal, DateTime value) => Set(ordinal, value);

    public void WriteDateTimeOffset(int ordinal, DateTimeOffset value) => Set(ordinal, value);

    public void WriteGuid(int ordinal, Guid value) => Set(ordinal, value);

    public void WriteJson(int ordinal, string json) => Set(ordinal, json);

    public void WriteArray<TElement>(int ordinal, ReadOnlySpan<TElement> values) => Set(ordinal, values.ToArray());

    public void WriteEnum<TEnum>(int ordinal, TEnum value)
        where TEnum : struct, Enum => Set(ordinal, value);

    private void Set(int ordinal, object? value) => Values[_schema.Fields[ordinal].Name] = value;
}
