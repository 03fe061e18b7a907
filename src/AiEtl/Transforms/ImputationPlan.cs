namespace AiEtl;

/// <summary>The fill value of each imputed field of a schema: gathered over the first pass, then written into the rows' nulls.</summary>
internal sealed class ImputationPlan
{
    private readonly IReadOnlyList<ImputeRule> _rules;
    private (string Field, FieldStatistics Statistics)[] _statistics = [];
    private (string Field, object? Value)[]? _fills;

    public ImputationPlan(IReadOnlyList<ImputeRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count == 0)
        {
            throw new PipelineConfigurationException("null_remover: impute names no field; give a rule (field and method) for each field to fill");
        }

        _rules = [.. rules];
    }

    public IReadOnlyList<string> Fields => [.. _rules.Select(r => r.Field)];

    public IReadOnlyDictionary<string, object?> FillValues =>
        _fills?.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal) ?? throw NotFitted();

    public void Begin(Schema schema)
    {
        _statistics = [.. _rules.Select(rule => (rule.Field, FieldStatistics.For(rule, FieldOf(schema, rule.Field))))];
        _fills = null;
    }

    public void Observe(Record row)
    {
        foreach (var (field, statistics) in _statistics)
        {
            if (row[field] is { } value and not DBNull)
            {
                statistics.Observe(value);
            }
        }
    }

    public IReadOnlyList<string> End()
    {
        _fills = [.. _statistics.Select(s => (s.Field, s.Statistics.Result()))];
        return [.. _fills.Where(f => f.Value is null).Select(f => $"null_remover: impute found no value of '{f.Field}' in the source to compute its fill value from; its nulls stay null")];
    }

    /// <summary>Fills the row's nulls; returns whether it changed.</summary>
    public bool Fill(Record row)
    {
        var fills = _fills ?? throw NotFitted();
        var changed = false;
        foreach (var (field, value) in fills)
        {
            if (value is not null && row[field] is null or DBNull)
            {
                row.Data[field] = value;
                changed = true;
            }
        }

        return changed;
    }

    private static Field FieldOf(Schema schema, string name) =>
        schema.GetField(name) ?? throw new PipelineConfigurationException($"null_remover: {schema.Name} has no field '{name}' to impute; its fields are {string.Join(", ", schema.Fields.Select(f => f.Name))}");

    private static InvalidOperationException NotFitted() =>
        new("null_remover: impute has no fill values yet; they come from the first pass a pipeline run makes over its source");
}
