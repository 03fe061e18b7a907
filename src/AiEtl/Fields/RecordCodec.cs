namespace AiEtl;

/// <summary>
/// The codec of dynamic <see cref="Record"/> rows, for schemas known only at run time (YAML pipelines,
/// inferred schemas). Each value is read as its field type's CLR type: Integer as <see cref="long"/>,
/// Float as <see cref="double"/>, Json and Array as JSON text.
/// </summary>
public readonly struct RecordCodec : IRowCodec<Record>
{
    private readonly RecordMetadata _metadata;

    // The schema's fields as an array: indexing the IReadOnlyList twice per value was an interface call each time.
    private readonly Field[] _fields;

    /// <summary>Creates a codec for <paramref name="schema"/>; read records get a copy of <paramref name="metadata"/>.</summary>
    public RecordCodec(Schema schema, RecordMetadata metadata)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));
        _fields = [.. schema.Fields];
    }

    /// <inheritdoc />
    public Schema Schema { get; }

    /// <inheritdoc />
    public Record Read<TReader>(ref TReader reader)
        where TReader : IFieldReader, allows ref struct
    {
        var fields = _fields;
        var data = new Dictionary<string, object?>(fields.Length, StringComparer.Ordinal);
        for (var ordinal = 0; ordinal < fields.Length; ordinal++)
        {
            var field = fields[ordinal];
            data[field.Name] = field.IsNullable && reader.IsNull(ordinal) ? null : field.Type switch
            {
                FieldType.Integer => reader.ReadInt64(ordinal),
                FieldType.Float => reader.ReadDouble(ordinal),
                FieldType.Decimal => reader.ReadDecimal(ordinal),
                FieldType.Boolean => reader.ReadBoolean(ordinal),
                FieldType.Date => reader.ReadDate(ordinal),
                FieldType.Time => reader.ReadTime(ordinal),
                FieldType.DateTime => reader.ReadDateTime(ordinal),
                FieldType.Timestamp => reader.ReadDateTimeOffset(ordinal),
                FieldType.Guid => reader.ReadGuid(ordinal),
                FieldType.Json or FieldType.Array => reader.ReadJson(ordinal),
                _ => (object)reader.ReadString(ordinal),
            };
        }

        return new Record(data, _metadata.ForNewRow(), Schema);
    }

    /// <inheritdoc />
    public void Write<TWriter>(in Record row, ref TWriter writer)
        where TWriter : IFieldWriter, allows ref struct
    {
        ArgumentNullException.ThrowIfNull(row);
        var fields = _fields;
        for (var ordinal = 0; ordinal < fields.Length; ordinal++)
        {
            var field = fields[ordinal];
            var value = row.Data.GetValueOrDefault(field.Name);
            if (value is null or DBNull)
            {
                writer.WriteNull(ordinal);
                continue;
            }

            // A value of the field's own type (what Read makes) is written as it is; others are looked up again and
            // converted by the dictionary reader.
            var values = new DictionaryFieldReader(Schema, row.Data);
            switch (field.Type)
            {
                case FieldType.Integer:
                    writer.WriteInt64(ordinal, value is long integer ? integer : values.ReadInt64(ordinal));
                    break;
                case FieldType.Float:
                    writer.WriteDouble(ordinal, value is double number ? number : values.ReadDouble(ordinal));
                    break;
                case FieldType.Decimal:
                    writer.WriteDecimal(ordinal, value is decimal exact ? exact : values.ReadDecimal(ordinal));
                    break;
                case FieldType.Boolean:
                    writer.WriteBoolean(ordinal, value is bool flag ? flag : values.ReadBoolean(ordinal));
                    break;
                case FieldType.Date:
                    writer.WriteDate(ordinal, value is DateOnly date ? date : values.ReadDate(ordinal));
                    break;
                case FieldType.Time:
                    writer.WriteTime(ordinal, value is TimeOnly time ? time : values.ReadTime(ordinal));
                    break;
                case FieldType.DateTime:
                    writer.WriteDateTime(ordinal, value is DateTime dateTime ? dateTime : values.ReadDateTime(ordinal));
                    break;
                case FieldType.Timestamp:
                    writer.WriteDateTimeOffset(ordinal, value is DateTimeOffset timestamp ? timestamp : values.ReadDateTimeOffset(ordinal));
                    break;
                case FieldType.Guid:
                    writer.WriteGuid(ordinal, value is Guid guid ? guid : values.ReadGuid(ordinal));
                    break;
                case FieldType.Json or FieldType.Array:
                    writer.WriteJson(ordinal, value as string ?? values.ReadJson(ordinal));
                    break;
                default:
                    writer.WriteString(ordinal, value as string ?? values.ReadString(ordinal));
                    break;
            }
        }
    }
}
