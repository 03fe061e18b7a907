namespace AiEtl;

/// <summary>
/// How far a run is, reported to <see cref="PipelineOptions.Progress"/> after each commit and once at the end: the rows
/// each stage has handled so far and the load's rate. The counts are this run's, as in <see cref="PipelineResult"/>.
/// </summary>
public sealed record PipelineProgress
{
    /// <summary>The pipeline's name.</summary>
    public required string PipelineId { get; init; }

    /// <summary>Records read from the source so far, bad ones included.</summary>
    public long RecordsExtracted { get; init; }

    /// <summary>Rows that have left the transforms.</summary>
    public long RecordsTransformed { get; init; }

    /// <summary>Rows committed to the destination.</summary>
    public long RecordsLoaded { get; init; }

    /// <summary>Rows rejected so far.</summary>
    public long RecordsFailed { get; init; }

    /// <summary>Commits so far.</summary>
    public long Commits { get; init; }

    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Records read per second since the run started.</summary>
    public double RecordsPerSecond => Elapsed > TimeSpan.Zero ? RecordsExtracted / Elapsed.TotalSeconds : 0;

    /// <summary>Whether this is the last report, sent when the run has ended (successfully or not).</summary>
    public bool Completed { get; init; }
}
