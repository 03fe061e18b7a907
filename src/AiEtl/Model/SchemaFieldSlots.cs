namespace AiEtl;

/// <summary>
/// The <see cref="FieldSlots"/> of a schema's fields, for a transform that reads every field of rows carrying their
/// schema: made again only when a row carries another schema object than the last one.
/// </summary>
internal sealed class SchemaFieldSlots
{
    private Entry? _last;

    public FieldSlots Of(Schema schema)
    {
        var last = _last;
        if (last is not null && ReferenceEquals(last.Schema, schema))
        {
            return last.Slots;
        }

        _last = last = new Entry(schema, new FieldSlots(schema.Fields.Select(f => f.Name)));
        return last.Slots;
    }

    private sealed record Entry(Schema Schema, FieldSlots Slots);
}
