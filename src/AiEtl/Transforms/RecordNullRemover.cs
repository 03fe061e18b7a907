namespace AiEtl;

/// <summary>
/// The <c>null_remover</c> (drop) of dynamic <see cref="Record"/> rows whose schema is known only at run time (an
/// inferred CSV): drops every row with a null, or no value, in any of the listed fields, or in any of the row's
/// schema fields (its values when it has no schema) when none are listed.
/// </summary>
public sealed class RecordNullRemover : Transform<Record>
{
    private readonly IReadOnlyList<string>? _fields;

    /// <summary>Creates the transform for the fields named in <paramref name="fields"/>, or every field.</summary>
    public RecordNullRemover(IReadOnlyList<string>? fields = null)
    {
        _fields = fields is { Count: > 0 } ? fields : null;
    }

    /// <inheritdoc />
    public override string Name => "null_remover";

    /// <inheritdoc />
    public override bool IsConcurrencySafe => true;

    /// <inheritdoc />
    public override bool Apply(ref Record row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var record = row;
        if (_fields is not null)
        {
            return !_fields.Any(record.HoldsNoValue);
        }

        return record.Schema is { } schema ? !schema.Fields.Any(f => record.HoldsNoValue(f.Name)) : !record.Data.Values.Any(v => v is null or DBNull);
    }
}

/// <summary>Whether a dynamic row has a value in a field.</summary>
file static class RecordValues
{
    public static bool HoldsNoValue(this Record row, string name) => row[name] is null or DBNull;
}
