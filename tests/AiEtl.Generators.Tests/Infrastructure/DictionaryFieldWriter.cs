
namespace AiEtl.Generators.Tests.Infrastructure;

/// <summary>Writes a row as ordinal to value, keeping the CLR type each writer method was called with.</summary>
internal readonly struct DictionaryFieldWriter() : IFieldWriter
{
    /// <summary>What was written, by ordinal.</summary>
    public Dictionary<int, object?> Values { get; } = [];

    public void WriteNull(int ordinal) => Add(ordinal, null);

    public void WriteString(int ordinal, string value) => Add(ordinal, value);

    public void WriteInt16(int ordinal, short value) => Add(ordinal, value);

    public void WriteInt32(int ordinal, int value) => Add(ordinal, value);

    public void WriteInt64(int ordinal, long value) => Add(ordinal, value);

    public void WriteSingle(int ordinal, float value) => Add(ordinal, value);

    public void WriteDouble(int ordinal, double value) => Add(ordinal, value);

    public void WriteDecimal(int ordinal, decimal value) => Add(ordinal, value);

    public void WriteBoolean(int ordinal, bool value) => Add(ordinal, value);

    public void WriteDate(int ordinal, DateOnly value) => Add(ordinal, value);

    public void WriteTime(int ordinal, TimeOnly value) => Add(ordinal, value);

    public void WriteDateTime(int ordinal, DateTime value) => Add(ordinal, value);

    public void WriteDateTimeOffset(int ordinal, DateTimeOffset value) => Add(ordinal, value);

    public void WriteGuid(int ordinal, Guid value) => Add(ordinal, value);

    public void WriteJson(int ordinal, string json) => Add(ordinal, new JsonText(json));

    public void WriteArray<TElement>(int ordinal, ReadOnlySpan<TElement> values) => Add(ordinal, values.ToArray());

    public void WriteEnum<TEnum>(int ordinal, TEnum value)
        where TEnum : struct, Enum => Add(ordinal, value);

    /// <summary>Each ordinal is written once per row.</summary>
    private void Add(int ordinal, object? value) => Values.Add(ordinal, value);
}
