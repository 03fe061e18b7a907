namespace AiEtl;

/// <summary>
/// The <c>quality_scorer</c> of dynamic <see cref="Record"/> rows: completeness and validity against the row's
/// schema (or the one given), checked by a <see cref="RecordValidator"/>; the score goes to
/// <see cref="RecordMetadata.QualityScore"/>.
/// </summary>
public sealed class RecordQualityScorer : QualityScorerBase<Record>
{
    private readonly Schema? _schema;
    private readonly RecordValidator _validator;
    private readonly SchemaFieldSlots _schemaFields = new();

    /// <summary>Creates the transform; <paramref name="schema"/> overrides the rows' own.</summary>
    public RecordQualityScorer(QualityScorerOptions? options = null, Schema? schema = null)
        : base(options)
    {
        _schema = schema;
        _validator = new RecordValidator(schema);
    }

    /// <inheritdoc />
    protected override double Score(ref Record row, List<string>? failedChecks)
    {
        ArgumentNullException.ThrowIfNull(row);
        var schema = SchemaOf(row);
        var fields = schema.Fields;
        var values = _schemaFields.Of(schema);
        var slots = values.In(row.Data.Shape);
        Span<bool> isNull = fields.Count <= 256 ? stackalloc bool[fields.Count] : new bool[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            isNull[i] = values.ValueOf(row.Data, slots, i) is null or DBNull;
        }

        return QualityChecks.Score(fields, isNull, _validator.Validate(row), Options.CompletenessWeight, failedChecks);
    }

    /// <inheritdoc />
    protected override void Keep(ref Record row, double score) => row.Metadata.QualityScore = score;

    /// <inheritdoc />
    protected override string? RecordIdOf(ref Record row) => RecordValidator.RecordIdOf(row, SchemaOf(row));

    /// <inheritdoc />
    protected override string? RawInputOf(ref Record row) => RecordValidator.RawJson(row, SchemaOf(row));

    private Schema SchemaOf(Record row) =>
        _schema ?? row.Schema ?? throw new TransformException("quality_scorer: the record has no schema to score it against; give the scorer one");
}
