namespace AiEtl;

/// <summary>
/// The <c>null_remover</c> with <c>strategy: impute</c> for dynamic <see cref="Record"/> rows: fills each listed
/// field's nulls with its mean, median, mode or a constant (<see cref="ImputeRule"/>). The statistics come from a
/// first pass over the whole source, made by the run before it streams the rows (so the source is read twice, and
/// the statistics are of the source's rows, before any transform ahead of this one); a resumed run makes the same
/// pass and gets the same values. Rows it fills count as modified.
/// </summary>
public sealed class RecordNullImputer : Transform<Record>, IFittedTransform<Record>
{
    private readonly ImputationPlan _plan;

    /// <summary>Creates the transform with a rule for each field to fill.</summary>
    /// <exception cref="PipelineConfigurationException">No rule is given.</exception>
    public RecordNullImputer(IReadOnlyList<ImputeRule> rules)
    {
        _plan = new ImputationPlan(rules);
    }

    /// <inheritdoc />
    public override string Name => "null_remover";

    /// <inheritdoc />
    public override bool IsConcurrencySafe => true;

    /// <summary>The fill value of each field, once a run's first pass computed them.</summary>
    /// <exception cref="InvalidOperationException">No run has made its first pass yet.</exception>
    public IReadOnlyDictionary<string, object?> FillValues => _plan.FillValues;

    /// <inheritdoc />
    public override bool Apply(ref Record row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (_plan.Fill(row))
        {
            CountModified();
        }

        return true;
    }

    void IFittedTransform<Record>.BeginFit(Schema schema) => _plan.Begin(schema);

    void IFittedTransform<Record>.Observe(in Record row) => _plan.Observe(row);

    IReadOnlyList<string> IFittedTransform<Record>.EndFit() => _plan.End();
}
