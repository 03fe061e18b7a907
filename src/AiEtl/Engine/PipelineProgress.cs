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

    /// <summary>The bytes of the source before the last committed row, when the source says (a plain file).</summary>
    public long? BytesRead { get; init; }

    /// <summary>The source's size in bytes, when it is known (a plain file; not a glob, a compressed file or a table).</summary>
    public long? TotalBytes { get; init; }

    /// <summary>How much of the source is committed, in [0, 1], when its size is known.</summary>
    public double? Fraction => TotalBytes is > 0 && BytesRead is { } read ? Math.Clamp(read / (double)TotalBytes.Value, 0, 1) : null;

    /// <summary>The time left at the rate so far, when <see cref="Fraction"/> is known and above zero.</summary>
    public TimeSpan? EstimatedRemaining => Fraction is > 0 and var fraction ? Elapsed * ((1 - fraction) / fraction) : null;
}
