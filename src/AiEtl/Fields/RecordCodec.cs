using System.Runtime.CompilerServices;

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

    // The names read rows share: each row holds its values in an array by ordinal, not in a hash table of its own.
    private readonly RecordShape _shape;

    // Where this codec's fields are in the shape of the rows it writes, found once per shape (usually another codec's).
    private readonly FieldSlots _slots;

    /// <summary>Creates a codec for <paramref name="schema"/>; read records get a copy of <paramref name="metadata"/>.</summary>
    public RecordCodec(Schema schema, RecordMetadata metadata)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        // A copy of its own: a later change to the caller's metadata does not reach rows read before their metadata is made.
        _metadata = (metadata ?? throw new ArgumentNullException(nameof(metadata))).ForNewRow();
        _fields = [.. schema.Fields];
        _shape = RecordShape.Of(schema);
        _slots = new FieldSlots(_fields.Select(f => f.Name));
    }

    /// <inheritdoc />
    public Schema Schema { get; }

    /// <inheritdoc />
    // Optimised at once, as the typed path's generated ReadFields/WriteFields: a run calls these per row from its
    // first second, and default tiering would run them unoptimised, then instrumented, for most of a load.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Record Read<TReader>(ref TReader reader)
        where TReader : IFieldReader, allows ref struct
    {
        var fields = _fields;
        var values = new object?[fields.Length];
        for (var ordinal = 0; ordinal < fields.Length; ordinal++)
        {
            var field = fields[ordinal];
            values[ordinal] = field.IsNullable && reader.IsNull(ordinal) ? null : field.Type switch
            {
                FieldType.Integer => BoxedIntegers.Box(reader.ReadInt64(ordinal)),
                FieldType.Float => reader.ReadDouble(ordinal),
                FieldType.Decimal => reader.ReadDecimal(ordinal),
                FieldType.Boolean => reader.ReadBoolean(ordinal) ? True : False,
                FieldType.Date => reader.ReadDate(ordinal),
                FieldType.Time => reader.ReadTime(ordinal),
                FieldType.DateTime => reader.ReadDateTime(ordinal),
                FieldType.Timestamp => reader.ReadDateTimeOffset(ordinal),
                FieldType.Guid => reader.ReadGuid(ordinal),
                FieldType.Json or FieldType.Array => reader.ReadJson(ordinal),
                _ => (object)reader.ReadString(ordinal),
            };
        }

        var data = _shape == RecordShape.None ? ByName(values) : new RecordData(_shape, values);
        return Record.Read(data, _metadata, Schema);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write<TWriter>(in Record row, ref TWriter writer)
        where TWriter : IFieldWriter, allows ref struct
    {
        ArgumentNullException.ThrowIfNull(row);
        var fields = _fields;
        var data = row.Data;
        var slots = _slots.In(data.Shape);
        for (var ordinal = 0; ordinal < fields.Length; ordinal++)
        {
            var field = fields[ordinal];
            var value = data.GetValueOrDefault(slots[ordinal], field.Name);
            if (value is null or DBNull)
            {
                writer.WriteNull(ordinal);
                continue;
            }

            // A value of the field's own type (what Read makes) is written as it is; others are looked up again and
            // converted by the dictionary reader.
            var values = new DictionaryFieldReader(Schema, data);
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

    private static readonly object True = true;
    private static readonly object False = false;

    // A schema with two fields of one name: the row is kept by name, the later field's value winning as a dictionary's would.
    private RecordData ByName(object?[] values)
    {
        var data = new RecordData();
        for (var ordinal = 0; ordinal < values.Length; ordinal++)
        {
            data[_fields[ordinal].Name] = values[ordinal];
        }

        return data;
    }
}
