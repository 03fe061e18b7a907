using System.ComponentModel;
using System.Globalization;

namespace AiEtl.Internal;

/// <summary>
/// Describes a row by its primary key, for the error of a row a destination rejected: <c>id=42</c>, or
/// <c>region=eu, id=42</c>; a sensitive key field's value is masked as <see cref="ViolationValues.Mask"/> masks it.
/// Runs only for rejected rows: it writes the whole row through the codec and keeps the key fields.
/// </summary>
/// <remarks>For AiEtl's adapters and generated code, which is why it is public; it is not part of the supported API and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RowKeys
{
    /// <summary>The key of <paramref name="row"/>, or <see langword="null"/> when the schema has none.</summary>
    public static string? Describe<T, TCodec>(in TCodec codec, in T row)
        where TCodec : struct, IRowCodec<T>
    {
        var schema = codec.Schema;
        if (schema.PrimaryKey is not { Count: > 0 } key)
        {
            return null;
        }

        var writer = new KeyWriter(new string?[schema.Fields.Count], new bool[schema.Fields.Count]);
        foreach (var name in key)
        {
            if (schema.IndexOf(name) is var ordinal and >= 0)
            {
                writer.Wanted[ordinal] = true;
            }
        }

        codec.Write(in row, ref writer);
        return string.Join(", ", key.Select(name => schema.IndexOf(name) is var ordinal and >= 0
            ? $"{name}={Shown(schema.Fields[ordinal], writer.Values[ordinal])}"
            : $"{name}=?"));
    }

    private static string Shown(Field field, string? value) => value is null
        ? "null"
        : ViolationValues.Format(FieldMasks.Applies(field) ? FieldMasks.Mask(field, value) : value);

    // Keeps the text of the key fields only.
    private readonly struct KeyWriter(string?[] values, bool[] wanted) : IFieldWriter
    {
        public string?[] Values { get; } = values;

        public bool[] Wanted { get; } = wanted;

        public void WriteNull(int ordinal) => Set(ordinal, null);

        public void WriteString(int ordinal, string value) => Set(ordinal, value);

        public void WriteInt16(int ordinal, short value) => Set(ordinal, value.ToString(CultureInfo.InvariantCulture));

        public void WriteInt32(int ordinal, int value) => Set(ordinal, value.ToString(CultureInfo.InvariantCulture));

        public void WriteInt64(int ordinal, long value) => Set(ordinal, value.ToString(CultureInfo.InvariantCulture));

        public void WriteSingle(int ordinal, float value) => Set(ordinal, value.ToString(CultureInfo.InvariantCulture));

        public void WriteDouble(int ordinal, double value) => Set(ordinal, value.ToString(CultureInfo.InvariantCulture));

        public void WriteDecimal(int ordinal, decimal value) => Set(ordinal, value.ToString(CultureInfo.InvariantCulture));

        public void WriteBoolean(int ordinal, bool value) => Set(ordinal, ViolationValues.Format(value));

        public void WriteDate(int ordinal, DateOnly value) => Set(ordinal, ViolationValues.Format(value));

        public void WriteTime(int ordinal, TimeOnly value) => Set(ordinal, ViolationValues.Format(value));

        public void WriteDateTime(int ordinal, DateTime value) => Set(ordinal, ViolationValues.Format(value));

        public void WriteDateTimeOffset(int ordinal, DateTimeOffset value) => Set(ordinal, ViolationValues.Format(value));

        public void WriteGuid(int ordinal, Guid value) => Set(ordinal, value.ToString("D"));

        public void WriteJson(int ordinal, string json) => Set(ordinal, json);

        public void WriteArray<TElement>(int ordinal, ReadOnlySpan<TElement> values) => Set(ordinal, JsonArrays.Format(values));

        public void WriteEnum<TEnum>(int ordinal, TEnum value)
            where TEnum : struct, Enum => Set(ordinal, value.ToString());

        private void Set(int ordinal, string? value)
        {
            if (ordinal < Wanted.Length && Wanted[ordinal])
            {
                Values[ordinal] = value;
            }
        }
    }
}
