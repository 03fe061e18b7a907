namespace AiEtl;

/// <summary>Stores a row's quality score in the row, for typed rows that have a field for it.</summary>
/// <typeparam name="T">The row type.</typeparam>
public delegate void QualityScoreSetter<T>(ref T row, double score);

/// <summary>
/// The <c>quality_scorer</c> of typed <c>[EtlRecord]</c> rows, through their generated code: completeness from the
/// codec's nulls, validity from the generated validator (every <c>[ValueRange]</c>, <c>[Pattern]</c>,
/// <c>[OneOf]</c> and nullability). A typed row has no metadata, so the score reaches the row only through
/// <paramref name="store"/>, for a record with a field for it.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="options">The minimum score and the weights; the defaults keep every row.</param>
/// <param name="store">Writes the score into the row, or <see langword="null"/>.</param>
public sealed class QualityScorer<T>(QualityScorerOptions? options = null, QualityScoreSetter<T>? store = null) : QualityScorerBase<T>(options)
    where T : IValidatedRecord<T>
{
    private readonly ViolationList _violations = new();

    /// <summary>The score of <paramref name="row"/> with the default weights.</summary>
    public static double ScoreOf(in T row)
    {
        var copy = row;
        return new QualityScorer<T>().Score(ref copy, failedChecks: null);
    }

    /// <inheritdoc />
    protected override double Score(ref T row, List<string>? failedChecks)
    {
        var fields = T.Schema.Fields;
        Span<bool> isNull = fields.Count <= 256 ? stackalloc bool[fields.Count] : new bool[fields.Count];
        var nulls = new NullFields(isNull);
        T.WriteFields(in row, ref nulls);
        _violations.Clear();
        var violations = _violations;
        T.Validate(in row, ref violations);
        return QualityChecks.Score(fields, isNull, _violations.Items, Options.CompletenessWeight, failedChecks);
    }

    /// <inheritdoc />
    protected override void Keep(ref T row, double score) => store?.Invoke(ref row, score);

    /// <inheritdoc />
    protected override string? RecordIdOf(ref T row) => RecordValidator.RecordIdOf(RecordConversion.ToRecord(in row, new RecordMetadata(Name, T.Schema.Name)), T.Schema);

    /// <inheritdoc />
    protected override string? RawInputOf(ref T row) => RecordValidator.RawJson(RecordConversion.ToRecord(in row, new RecordMetadata(Name, T.Schema.Name)), T.Schema);
}
