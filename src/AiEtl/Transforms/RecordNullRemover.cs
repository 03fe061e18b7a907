namespace AiEtl;

/// <summary>
/// The <c>null_remover</c> (drop) of dynamic <see cref="Record"/> rows whose schema is known only at run time (an
/// inferred CSV): drops every row with a null, or no value, in any of the listed fields, or in any of the row's
/// schema fields (its values when it has no schema) when none are listed.
/// </summary>
public sealed class RecordNullRemover : Transform<Record>
{
    private readonly FieldSlots? _listed;
    private readonly SchemaFieldSlots _schemaFields = new();

    /// <summary>Creates the transform for the fields named in <paramref name="fields"/>, or every field.</summary>
    public RecordNullRemover(IReadOnlyList<string>? fields = null)
    {
        _listed = fields is { Count: > 0 } ? new FieldSlots(fields) : null;
    }

    /// <inheritdoc />
    public override string Name => "null_remover";

    /// <inheritdoc />
    public override bool IsConcurrencySafe => true;

    /// <inheritdoc />
    public override bool Apply(ref Record row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if ((_listed ?? (row.Schema is { } schema ? _schemaFields.Of(schema) : null)) is { } fields)
        {
            return !AnyHoldsNoValue(row.Data, fields);
        }

        foreach (var (_, value) in row.Data)
        {
            if (value is null or DBNull)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyHoldsNoValue(RecordData row, FieldSlots fields)
    {
        var slots = fields.In(row.Shape);
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields.ValueOf(row, slots, i) is null or DBNull)
            {
                return true;
            }
        }

        return false;
    }
}
