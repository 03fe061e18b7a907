
namespace AiEtl;

/// <summary>Converts between typed <c>[EtlRecord]</c> rows and dynamic <see cref="Record"/> rows.</summary>
public static class RecordConversion
{
    /// <summary>Makes a dynamic record of a typed row; values keep their CLR types, keyed by field name.</summary>
    public static Record ToRecord<T>(in T row, RecordMetadata metadata)
        where T : IEtlRecord<T>
    {
        var schema = T.Schema;
        var writer = new DictionaryFieldWriter(schema, new Dictionary<string, object?>(schema.Fields.Count, StringComparer.Ordinal));
        T.WriteFields(in row, ref writer);
        return new Record(writer.Values, metadata, schema);
    }

    /// <summary>Makes a typed row of a dynamic record, converting values where their types differ.</summary>
    /// <exception cref="FieldFormatException">A value cannot be converted to its field's type.</exception>
    public static T FromRecord<T>(Record record)
        where T : IEtlRecord<T>
    {
        ArgumentNullException.ThrowIfNull(record);
        var reader = new DictionaryFieldReader(T.Schema, record.Data);
        return T.ReadFields(ref reader);
    }
}
