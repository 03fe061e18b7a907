namespace AiEtl;

/// <summary>
/// Keeps only the listed fields of dynamic <see cref="Record"/> rows, in the listed order (a SQL <c>SELECT</c> of
/// columns; YAML <c>type: select</c>). The destination gets the narrower schema; its primary key stays when every key
/// field is kept. A row counts as modified when it had a field that was removed.
/// </summary>
public sealed class RecordSelect : Transform<Record>
{
    private readonly IReadOnlyList<string> _fields;
    private readonly HashSet<string> _kept;
    private Schema? _output;

    /// <summary>Creates the transform.</summary>
    /// <param name="fields">The fields to keep, in the order the destination gets them.</param>
    public RecordSelect(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentOutOfRangeException.ThrowIfZero(fields.Count);
        _fields = fields;
        _kept = new HashSet<string>(fields, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public override string Name => "select";

    /// <inheritdoc />
    public override bool IsConcurrencySafe => true;

    /// <inheritdoc />
    public override Schema OutputSchema(Schema input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fields = new List<Field>(_fields.Count);
        foreach (var name in _fields)
        {
            fields.Add(input.GetField(name)
                ?? throw new PipelineConfigurationException($"select: the field '{name}' is not among the fields it receives ({string.Join(", ", input.Fields.Select(f => f.Name))})", new DataLocation(input.Name)));
        }

        var key = input.PrimaryKey is { Count: > 0 } primaryKey && primaryKey.All(_kept.Contains) ? primaryKey : null;
        return _output = input.WithFields(fields, key);
    }

    /// <inheritdoc />
    public override bool Apply(ref Record row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var removed = false;
        foreach (var name in row.Data.Keys)
        {
            // Removing while enumerating is allowed for Dictionary: it does not invalidate the enumerator.
            if (!_kept.Contains(name))
            {
                removed |= row.Data.Remove(name);
            }
        }

        if (removed)
        {
            CountModified();
        }

        row.Schema = _output ?? (row.Schema is { } schema ? OutputSchema(schema) : null);
        return true;
    }
}
