using System.Globalization;
using System.Text;
using AiEtl.Internal;

namespace AiEtl.Generators.Tests.Infrastructure;

/// <summary>
/// A small RFC 4180 writer for the round-trip tests, independent of the runtime's CSV code: a header of the schema's
/// field names, then one line per record, each field formatted with the invariant culture in the formats the CSV
/// source reads. A null is an empty field; text that is empty or holds a comma, quote, line break or edge space is quoted.
/// </summary>
internal static class CsvTestWriter
{
    /// <summary>Writes <paramref name="records"/> to <paramref name="path"/> as UTF-8 without a byte order mark.</summary>
    public static void Write<T>(string path, IEnumerable<T> records)
        where T : IEtlRecord<T>
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", T.Schema.Fields.Select(field => Quote(field.Name)))).Append("\r\n");
        foreach (var record in records)
        {
            var writer = new FieldTextWriter(new string?[T.Schema.Fields.Count]);
            T.WriteFields(in record, ref writer);
            text.Append(string.Join(",", writer.Fields.Select(field => field is null ? string.Empty : Quote(field)))).Append("\r\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The field as RFC 4180 text: quoted (with quotes doubled) when it must be.</summary>
    public static string Quote(string value)
    {
        var mustQuote = value.Length == 0
            || value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || char.IsWhiteSpace(value[0])
            || char.IsWhiteSpace(value[^1]);
        return mustQuote ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>Formats each field of one record as invariant text.</summary>
    private readonly struct FieldTextWriter(string?[] fields) : IFieldWriter
    {
        public string?[] Fields => fields;

        public void WriteNull(int ordinal) => fields[ordinal] = null;

        public void WriteString(int ordinal, string value) => fields[ordinal] = value;

        public void WriteInt16(int ordinal, short value) => fields[ordinal] = value.ToString(CultureInfo.InvariantCulture);

        public void WriteInt32(int ordinal, int value) => fields[ordinal] = value.ToString(CultureInfo.InvariantCulture);

        public void WriteInt64(int ordinal, long value) => fields[ordinal] = value.ToString(CultureInfo.InvariantCulture);

        public void WriteSingle(int ordinal, float value) => fields[ordinal] = value.ToString("R", CultureInfo.InvariantCulture);

        public void WriteDouble(int ordinal, double value) => fields[ordinal] = value.ToString("R", CultureInfo.InvariantCulture);

        public void WriteDecimal(int ordinal, decimal value) => fields[ordinal] = value.ToString(CultureInfo.InvariantCulture);

        public void WriteBoolean(int ordinal, bool value) => fields[ordinal] = value ? "true" : "false";

        public void WriteDate(int ordinal, DateOnly value) => fields[ordinal] = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public void WriteTime(int ordinal, TimeOnly value) => fields[ordinal] = value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

        public void WriteDateTime(int ordinal, DateTime value) => fields[ordinal] = value.ToString("O", CultureInfo.InvariantCulture);

        public void WriteDateTimeOffset(int ordinal, DateTimeOffset value) => fields[ordinal] = value.ToString("O", CultureInfo.InvariantCulture);

        public void WriteGuid(int ordinal, Guid value) => fields[ordinal] = value.ToString("D");

        public void WriteJson(int ordinal, string json) => fields[ordinal] = json;

        public void WriteArray<TElement>(int ordinal, ReadOnlySpan<TElement> values) => fields[ordinal] = JsonArrays.Format(values);

        public void WriteEnum<TEnum>(int ordinal, TEnum value)
            where TEnum : struct, Enum => fields[ordinal] = value.ToString();
    }
}
