using System.Globalization;
using System.Text;

namespace AiEtl;

/// <summary>
/// The <c>quality_scorer</c> transform: scores every row (<see cref="QualityScore"/>), keeps the score (in
/// <see cref="RecordMetadata.QualityScore"/> for dynamic rows; through a setter for typed ones), and drops or
/// rejects the rows under <see cref="QualityScorerOptions.MinScore"/> as its options say. The run's
/// <see cref="PipelineResult.AvgQualityScore"/> is the mean score of every row it scored, the rejected ones included.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public abstract class QualityScorerBase<T> : Transform<T>
{
    private double _scoreSum;

    /// <summary>Creates the transform with its options.</summary>
    /// <exception cref="PipelineConfigurationException">The minimum or the weight is outside [0, 1].</exception>
    protected QualityScorerBase(QualityScorerOptions? options)
    {
        Options = options ?? new QualityScorerOptions();
        Options.Check();
    }

    /// <inheritdoc />
    public override string Name => "quality_scorer";

    /// <summary>The options it runs with.</summary>
    public QualityScorerOptions Options { get; }

    /// <summary>How many rows it scored.</summary>
    public long RowsScored { get; private set; }

    /// <summary>How many rows scored under the minimum.</summary>
    public long RowsBelowMinimum { get; private set; }

    /// <summary>The sum of the scores it gave, for a run's mean over its own rows.</summary>
    internal double ScoreSum => _scoreSum;

    /// <summary>The mean score of the rows it scored, or <see langword="null"/> before the first.</summary>
    public double? AverageScore => RowsScored == 0 ? null : _scoreSum / RowsScored;

    /// <inheritdoc />
    public override bool Apply(ref T row)
    {
        var rejected = TryApply(ref row, out var keep);
        return rejected is null ? keep : throw new TransformException(rejected.Message);
    }

    /// <inheritdoc />
    protected override RowError? TryApply(ref T row, out bool keep)
    {
        var score = Score(ref row, failedChecks: null);
        Keep(ref row, score);
        RowsScored++;
        _scoreSum += score;
        keep = score >= Options.MinScore;
        if (keep)
        {
            return null;
        }

        RowsBelowMinimum++;
        if (Options.BelowMinimum == LowQualityAction.Drop)
        {
            return null;
        }

        return new RowError(PipelineStage.Transform, $"{Name}: {Describe(ref row, score)}")
        {
            RecordId = RecordIdOf(ref row),
            RawInput = RawInputOf(ref row),
        };
    }

    /// <summary>Scores a row; when <paramref name="failedChecks"/> is given, adds a line to it for each check the row fails.</summary>
    protected abstract double Score(ref T row, List<string>? failedChecks);

    /// <summary>Keeps the score with the row.</summary>
    protected abstract void Keep(ref T row, double score);

    /// <summary>The row's primary key, for the error; <see langword="null"/> when it has none.</summary>
    protected abstract string? RecordIdOf(ref T row);

    /// <summary>The row as the dead-letter file keeps it (sensitive values masked), so it can be replayed.</summary>
    protected abstract string? RawInputOf(ref T row);

    // Only a rejected row pays for its list of failed checks: it is scored again to name them.
    private string Describe(ref T row, double score)
    {
        var failed = new List<string>();
        Score(ref row, failed);
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"score {score:0.###} is under min_score {Options.MinScore:0.###}");
        if (failed.Count > 0)
        {
            message.Append("; failed checks: ").AppendJoin("; ", failed);
        }

        return message.ToString();
    }
}
