namespace AiEtl.Fields;

/// <summary>
/// The codec of dynamic <see cref="Record"/> rows, for schemas known only at run time (YAML pipelines,
/// inferred schemas). Each value is read as its field type's CLR type: Integer as <see cref="long"/>,
/// Float as <see cref="double"/>, Json and Array as JSON text.
/// </summary>
public readonly struct RecordCodec : IRowCodec<Record>
{
    private readonly RecordMetadata _metadata;

    /// <summary>Creates a codec for <paramref name="schema"/>; read records get a copy of <paramref name="metadata"/>.</summary>
    public RecordCodec(Schema schema, RecordMetadata metadata)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));
    }

    /// <inheritdoc />
    public Schema Schema { get; }

    /// <inheritdoc />
    public Record Read<TReader>(ref TReader reader)
        where TReader : IFieldReader, allows ref struct
    {
        var fields = Schema.Fields;
        var data = new Dictionary<string, object?>(fields.Count, StringComparer.Ordinal);
        for (var ordinal = 0; ordinal < fields.Count; ordinal++)
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
        var fields = Schema.Fields;
        for (var ordinal = 0; ordinal < fields.Count; ordinal++)
        {
            var field = fields[ordinal];
            var value = row.Data.GetValueOrDefault(field.Name);
            if (value is null or DBNull)
            {
                writer.WriteNull(ordinal);
                continue;
            }

            if (TryWriteAsIs(field.Type, value, ordinal, ref writer))
            {
                continue;
            }

            var values = new DictionaryFieldReader(Schema, row.Data);
            switch (field.Type)
            {
                case FieldType.Integer:
                    writer.WriteInt64(ordinal, values.ReadInt64(ordinal));
                    break;
                case FieldType.Float:
                    writer.WriteDouble(ordinal, values.ReadDouble(ordinal));
                    break;
                case FieldType.Decimal:
                    writer.WriteDecimal(ordinal, values.ReadDecimal(ordinal));
                    break;
                case FieldType.Boolean:
                    writer.WriteBoolean(ordinal, values.ReadBoolean(ordinal));
                    break;
                case FieldType.Date:
                    writer.WriteDate(ordinal, values.ReadDate(ordinal));
                    break;
                case FieldType.Time:
                    writer.WriteTime(ordinal, values.ReadTime(ordinal));
                    break;
                case FieldType.DateTime:
                    writer.WriteDateTime(ordinal, values.ReadDateTime(ordinal));
                    break;
                case FieldType.Timestamp:
                    writer.WriteDateTimeOffset(ordinal, values.ReadDateTimeOffset(ordinal));
                    break;
                case FieldType.Guid:
                    writer.WriteGuid(ordinal, values.ReadGuid(ordinal));
                    break;
                case FieldType.Json or FieldType.Array:
                    writer.WriteJson(ordinal, values.ReadJson(ordinal));
                    break;
                default:
                    writer.WriteString(ordinal, values.ReadString(ordinal));
                    break;
            }
        }
    }

    // A value of the field's own type (what Read makes) is written without looking it up again and converting it.
    private static bool TryWriteAsIs<TWriter>(FieldType type, object value, int ordinal, ref TWriter writer)
        where TWriter : IFieldWriter, allows ref struct
    {
        switch (type, value)
        {
            case (FieldType.String, string text):
                writer.WriteString(ordinal, text);
                return true;
            case (FieldType.Integer, long integer):
                writer.WriteInt64(ordinal, integer);
                return true;
            case (FieldType.Float, double number):
                writer.WriteDouble(ordinal, number);
                return true;
            case (FieldType.Decimal, decimal number):
                writer.WriteDecimal(ordinal, number);
                return true;
            case (FieldType.Boolean, bool flag):
                writer.WriteBoolean(ordinal, flag);
                return true;
            case (FieldType.Date, DateOnly date):
                writer.WriteDate(ordinal, date);
                return true;
            case (FieldType.Time, TimeOnly time):
                writer.WriteTime(ordinal, time);
                return true;
            case (FieldType.DateTime, DateTime dateTime):
                writer.WriteDateTime(ordinal, dateTime);
                return true;
            case (FieldType.Timestamp, DateTimeOffset timestamp):
                writer.WriteDateTimeOffset(ordinal, timestamp);
                return true;
            case (FieldType.Guid, Guid guid):
                writer.WriteGuid(ordinal, guid);
                return true;
            case (FieldType.Json or FieldType.Array, string json):
                writer.WriteJson(ordinal, json);
                return true;
            default:
                return false;
        }
    }
}
