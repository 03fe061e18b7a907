namespace AiEtl.Cli.Commands;

/// <summary>
/// What <c>aietl scan</c> found, a column at a time, and the schema field each column's values are read from. The
/// engine masks whole fields (<c>sensitive:</c> on a field of <c>source.schema</c>): a value nested in a JSON field can
/// only be masked with the rest of that field, so a field that holds objects or arrays with a sensitive value inside is
/// masked as <see cref="SensitiveKind.Other"/> (<c>***</c>), whatever the kind inside, since the e-mail or card masks
/// that keep a few characters would keep some of the JSON text around the value.
/// </summary>
internal sealed record ScannedColumns
{
    /// <summary>The columns, in the source's order: a flat source's fields, or a JSON source's fields and the paths inside them.</summary>
    public required IReadOnlyList<SensitiveColumn> Columns { get; init; }

    /// <summary>The field each column of <see cref="Columns"/> is read from (its own name, in a flat source).</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>The fields that held an object or an array in the sample.</summary>
    public IReadOnlySet<string> FieldsHoldingContainers { get; init; } = new HashSet<string>();

    /// <summary>A flat source's columns, each its own field.</summary>
    public static ScannedColumns Flat(IReadOnlyList<SensitiveColumn> columns) => new() { Columns = columns, Fields = [.. columns.Select(c => c.Name)] };

    /// <summary>Whether column <paramref name="i"/> is a value nested in its field rather than the field itself.</summary>
    public bool IsNested(int i) => !string.Equals(Columns[i].Name, Fields[i], StringComparison.Ordinal);

    /// <summary>The masking kind of each field with a sensitive column: the column's own, or other for a field that holds objects or arrays.</summary>
    public IReadOnlyDictionary<string, SensitiveKind> FieldKinds(IEqualityComparer<string> comparer)
    {
        var kinds = new Dictionary<string, SensitiveKind>(comparer);
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].IsSensitive)
            {
                kinds.TryAdd(Fields[i], FieldsHoldingContainers.Contains(Fields[i]) ? SensitiveKind.Other : Columns[i].MaskingKind);
            }
        }

        return kinds;
    }

    /// <summary>
    /// One column a field, for what knows only fields (the <c>--assist</c> prompt, which pairs the scan with the inference's
    /// columns): a flat field's own column; for a field with paths inside, its most telling column (a sensitive one first,
    /// then the highest score) under the field's name, so that a field with a sensitive value nested in it sends no
    /// value of its JSON text to a model.
    /// </summary>
    public IReadOnlyList<SensitiveColumn> ByField() =>
    [
        .. Enumerable.Range(0, Columns.Count)
            .GroupBy(i => Fields[i], StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(i => Columns[i].IsSensitive).ThenByDescending(i => Columns[i].Score).First())
            .Select(i => IsNested(i) ? Columns[i] with { Name = Fields[i], Evidence = Columns[i].Name + ": " + Columns[i].Evidence } : Columns[i]),
    ];

    /// <summary>The fields masked as other because they hold objects or arrays, each with its sensitive columns (its own values, or paths inside it).</summary>
    public IEnumerable<(string Field, IReadOnlyList<string> Columns)> MaskedWhole() =>
        Enumerable.Range(0, Columns.Count)
            .Where(i => Columns[i].IsSensitive && FieldsHoldingContainers.Contains(Fields[i]))
            .GroupBy(i => Fields[i], StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(i => Columns[i].Name)]));
}
