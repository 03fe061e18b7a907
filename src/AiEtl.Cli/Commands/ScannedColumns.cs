namespace AiEtl.Cli.Commands;

/// <summary>
/// What <c>aietl scan</c> found, a column at a time, and the schema field each column's values are read from. A value
/// nested in a JSON field is masked by its path (<c>sensitive_paths:</c> of the field, the rest of its JSON kept
/// readable); a field that holds objects or arrays in some rows and a sensitive string of its own in others is masked
/// whole as <see cref="SensitiveKind.Other"/> (<c>***</c>), since a path cannot name the field's own string and the
/// e-mail or card masks that keep a few characters would keep some of the JSON text around the value.
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

    /// <summary>The masking kind of each field masked whole: a flat field's column's own, or other for a field that holds objects or arrays and a sensitive value of its own.</summary>
    public IReadOnlyDictionary<string, SensitiveKind> FieldKinds(IEqualityComparer<string> comparer)
    {
        var kinds = new Dictionary<string, SensitiveKind>(comparer);
        for (var i = 0; i < Columns.Count; i++)
        {
            if (!Columns[i].IsSensitive)
            {
                continue;
            }

            if (!FieldsHoldingContainers.Contains(Fields[i]))
            {
                kinds.TryAdd(Fields[i], Columns[i].MaskingKind);
            }
            else if (HoldsSensitiveValueOfItsOwn(Fields[i]))
            {
                kinds.TryAdd(Fields[i], SensitiveKind.Other);
            }
        }

        return kinds;
    }

    /// <summary>
    /// The paths to mask of each field that holds objects or arrays with sensitive values nested in them and none of
    /// its own, each with its column's kind, in the order the scan found them; the path is the column's name after the
    /// field's (<c>contact.email</c> is <c>email</c> of <c>contact</c>, <c>orders[].card</c> is <c>[].card</c> of <c>orders</c>).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SensitivePath>> FieldPaths(IEqualityComparer<string> comparer)
    {
        var paths = new Dictionary<string, IReadOnlyList<SensitivePath>>(comparer);
        foreach (var group in Enumerable.Range(0, Columns.Count)
            .Where(i => Columns[i].IsSensitive && IsNested(i) && !HoldsSensitiveValueOfItsOwn(Fields[i]))
            .GroupBy(i => Fields[i], StringComparer.Ordinal))
        {
            paths.TryAdd(group.Key, [.. group.Select(i => new SensitivePath(PathInField(i), Columns[i].MaskingKind))]);
        }

        return paths;
    }

    // The column's name after its field's: "email" of contact.email, "[].card" of orders[].card, "[\"a.b\"]" of x["a.b"].
    private string PathInField(int i)
    {
        var rest = Columns[i].Name[Fields[i].Length..];
        return rest.StartsWith('.') ? rest[1..] : rest;
    }

    // A field that holds its own sensitive strings in some rows (beside objects or arrays in others): no path names them.
    private bool HoldsSensitiveValueOfItsOwn(string field) =>
        Enumerable.Range(0, Columns.Count).Any(i => Columns[i].IsSensitive && !IsNested(i) && string.Equals(Fields[i], field, StringComparison.Ordinal));

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

    /// <summary>The fields masked as other because they hold objects or arrays and a sensitive value of their own, each with its sensitive columns (its own values, and paths inside it).</summary>
    public IEnumerable<(string Field, IReadOnlyList<string> Columns)> MaskedWhole() =>
        Enumerable.Range(0, Columns.Count)
            .Where(i => Columns[i].IsSensitive && FieldsHoldingContainers.Contains(Fields[i]) && HoldsSensitiveValueOfItsOwn(Fields[i]))
            .GroupBy(i => Fields[i], StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(i => Columns[i].Name)]));
}
