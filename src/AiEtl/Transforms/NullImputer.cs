namespace AiEtl;

/// <summary>
/// The <c>null_remover</c> with <c>strategy: impute</c> for typed <c>[EtlRecord]</c> rows: as
/// <see cref="RecordNullImputer"/>, with the fields checked against the record's schema at once. A row with no null
/// in the imputed fields passes through untouched; one with a null is filled through its dynamic form.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class NullImputer<T> : Transform<T>, IFittedTransform<T>
    where T : IEtlRecord<T>
{
    private readonly ImputationPlan _plan;
    private readonly int[] _ordinals;

    /// <summary>Creates the transform with a rule for each field to fill (names as in the schema: snake_case).</summary>
    /// <exception cref="PipelineConfigurationException">No rule is given, a field is not the record's, or a method does not suit its type.</exception>
    public NullImputer(IReadOnlyList<ImputeRule> rules)
    {
        _plan = new ImputationPlan(rules);
        _plan.Begin(T.Schema);
        _ordinals = [.. _plan.Fields.Select(name => T.Schema.Fields.ToList().FindIndex(f => f.Name == name))];
    }

    /// <inheritdoc />
    public override string Name => "null_remover";

    /// <inheritdoc />
    public override bool IsConcurrencySafe => true;

    /// <summary>The fill value of each field, once a run's first pass computed them.</summary>
    /// <exception cref="InvalidOperationException">No run has made its first pass yet.</exception>
    public IReadOnlyDictionary<string, object?> FillValues => _plan.FillValues;

    /// <inheritdoc />
    public override bool Apply(ref T row)
    {
        var fields = T.Schema.Fields.Count;
        Span<bool> isNull = fields <= 256 ? stackalloc bool[fields] : new bool[fields];
        var nulls = new NullFields(isNull);
        T.WriteFields(in row, ref nulls);
        var anyNull = false;
        foreach (var ordinal in _ordinals)
        {
            anyNull |= isNull[ordinal];
        }

        if (!anyNull)
        {
            return true;
        }

        var record = RecordConversion.ToRecord(in row, new RecordMetadata(Name, T.Schema.Name));
        if (_plan.Fill(record))
        {
            row = RecordConversion.FromRecord<T>(record);
            CountModified();
        }

        return true;
    }

    void IFittedTransform<T>.BeginFit(Schema schema) => _plan.Begin(T.Schema);

    void IFittedTransform<T>.Observe(in T row) => _plan.Observe(RecordConversion.ToRecord(in row, new RecordMetadata(Name, T.Schema.Name)));

    IReadOnlyList<string> IFittedTransform<T>.EndFit() => _plan.End();
}
