namespace AiEtl;

/// <summary>Metadata about a dynamic <see cref="Record"/>: where it came from, its quality and lineage.</summary>
/// <param name="SourceType">The kind of source: <c>csv</c>, <c>postgres</c>, ...</param>
/// <param name="SourceId">The file path, table name or endpoint.</param>
public sealed record RecordMetadata(string SourceType, string SourceId)
{
    /// <summary>An identifier of the record, such as its row number or primary key.</summary>
    public string? RecordId { get; set; }

    /// <summary>A quality score between 0 and 1, set by the quality scorer.</summary>
    public double? QualityScore { get; set; }

    /// <summary>The pipeline the record flows through.</summary>
    public string PipelineId { get; set; } = "";

    /// <summary>The stage the record is in.</summary>
    public PipelineStage Stage { get; set; }

    // Made on first use: most rows never carry custom metadata, and a dictionary per row was 7 % of what a dynamic
    // CSV row allocates.
    private Dictionary<string, object?>? _custom;

    /// <summary>Custom metadata.</summary>
    public Dictionary<string, object?> Custom
    {
        get => _custom ??= [];
        init => _custom = value;
    }

    /// <summary>A copy for a new row: the same source and lineage, no custom metadata yet.</summary>
    internal RecordMetadata ForNewRow() => this with { _custom = null };
}
