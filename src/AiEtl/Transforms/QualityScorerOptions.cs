namespace AiEtl;

/// <summary>How the <c>quality_scorer</c> scores a row and what it does with a row under its minimum.</summary>
public sealed record QualityScorerOptions
{
    /// <summary>
    /// The lowest score a row may have and be kept, in [0, 1]; the seed's <c>min_score</c>. The default 0 keeps
    /// every row and only scores it.
    /// </summary>
    public double MinScore { get; init; }

    /// <summary>
    /// The weight of completeness in the score, in [0, 1]; validity has the rest. The default 0.5 weighs them
    /// alike (see <see cref="QualityScore"/>).
    /// </summary>
    public double CompletenessWeight { get; init; } = 0.5;

    /// <summary>
    /// What happens to a row under <see cref="MinScore"/>. The default reports it to the transform stage's error
    /// policy, so it lands in the dead-letter file with its score and its failed checks.
    /// </summary>
    public LowQualityAction BelowMinimum { get; init; } = LowQualityAction.Reject;

    internal void Check()
    {
        if (MinScore is < 0 or > 1 || double.IsNaN(MinScore))
        {
            throw new PipelineConfigurationException($"quality_scorer: min_score must be between 0 and 1, not {MinScore}");
        }

        if (CompletenessWeight is < 0 or > 1 || double.IsNaN(CompletenessWeight))
        {
            throw new PipelineConfigurationException($"quality_scorer: the completeness weight must be between 0 and 1, not {CompletenessWeight}");
        }
    }
}
