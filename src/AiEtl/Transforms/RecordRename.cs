namespace AiEtl;

/// <summary>
/// Renames fields of dynamic <see cref="Record"/> rows (YAML <c>type: rename</c>): each listed field keeps its place,
/// type and constraints under its new name, in the schema the destination gets (its primary key too) and in every row.
/// A row counts as modified when it had a field that was renamed.
/// </summary>
public sealed class RecordRename : Transform<Record>
{
    private readonly IReadOnlyDictionary<string, string> _names;
    private Schema? _output;

    /// <summary>Creates the transform.</summary>
    /// <param name="names">The new name of each field to rename, by its current name.</param>
    public RecordRename(IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentOutOfRangeException.ThrowIfZero(names.Count);
        _names = names;
    }

    /// <inheritdoc />
    public override string Name => "rename";

    /// <inheritdoc />
    public override bool IsConcurrencySafe => true;

    /// <inheritdoc />
    public override Schema OutputSchema(Schema input)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var (from, to) in _names)
        {
            if (input.GetField(from) is null)
            {
                throw new PipelineConfigurationException($"rename: the field '{from}' is not among the fields it receives ({string.Join(", ", input.Fields.Select(f => f.Name))})", new DataLocation(input.Name));
            }

            if (!_names.ContainsKey(to) && input.GetField(to) is not null)
            {
                throw new PipelineConfigurationException($"rename: '{from}' cannot become '{to}', a field of that name is there already", new DataLocation(input.Name));
            }
        }

        var fields = input.Fields.Select(f => _names.TryGetValue(f.Name, out var to) ? f with { Name = to } : f).ToList();
        var key = input.PrimaryKey?.Select(k => _names.GetValueOrDefault(k, k)).ToList();
        return _output = input.WithFields(fields, key);
    }

    /// <inheritdoc />
    public override bool Apply(ref Record row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var data = row.Data;
        List<(string To, object? Value)>? moved = null;
        foreach (var (from, to) in _names)
        {
            if (data.Remove(from, out var value))
            {
                (moved ??= []).Add((to, value));
            }
        }

        // Put back after every removal, so that swapping two names (a -> b, b -> a) works.
        if (moved is not null)
        {
            foreach (var (to, value) in moved)
            {
                data[to] = value;
            }

            CountModified();
        }

        row.Schema = _output ?? (row.Schema is { } schema ? OutputSchema(schema) : null);
        return true;
    }
}
