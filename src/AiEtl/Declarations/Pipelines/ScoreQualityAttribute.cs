namespace AiEtl;

/// <summary>A <c>quality_scorer</c>: each row is scored for completeness and validity against the record's constraints.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class ScoreQualityAttribute : Attribute
{
    /// <summary>Rows scoring below this are rejected (or dropped).</summary>
    public double MinScore { get; set; }

    /// <summary>The share of the score that completeness makes.</summary>
    public double CompletenessWeight { get; set; } = 0.5;

    /// <summary>Drop low-scoring rows instead of rejecting them to the error policy.</summary>
    public bool DropBelowMinimum { get; set; }
}
