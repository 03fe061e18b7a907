
namespace AiEtl;

/// <summary>The outcome of a pipeline run (row counts, stage times, errors, the state saved).</summary>
public sealed record PipelineResult
{
    /// <summary>Whether the run completed.</summary>
    public required bool Success { get; init; }

    /// <summary>The pipeline's name.</summary>
    public required string PipelineId { get; init; }

    /// <summary>Records read from the source, bad ones included.</summary>
    public long RecordsExtracted { get; init; }

    /// <summary>Records that came out of the transforms.</summary>
    public long RecordsTransformed { get; init; }

    /// <summary>Records stored in the destination (rows it rejected are counted in <see cref="RecordsFailed"/> instead).</summary>
    public long RecordsLoaded { get; init; }

    /// <summary>Of <see cref="RecordsLoaded"/>, the records stored as new rows: all of them unless the write mode is <see cref="WriteMode.Merge"/>.</summary>
    public long RecordsInserted { get; init; }

    /// <summary>Of <see cref="RecordsLoaded"/>, the records a merge applied to a row with the same key that was already there (a later row of a run included).</summary>
    public long RecordsUpdated { get; init; }

    /// <summary>Records that failed at any stage (each is in the dead-letter file when one is set).</summary>
    public long RecordsFailed { get; init; }

    /// <summary>Records a transform dropped on purpose (duplicates, rows with nulls).</summary>
    public long RecordsFiltered { get; init; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset StartTime { get; init; }

    /// <summary>When the run ended.</summary>
    public DateTimeOffset EndTime { get; init; }

    /// <summary>The run's wall-clock duration.</summary>
    public TimeSpan Duration => EndTime - StartTime;

    /// <summary>Time spent reading. Stages overlap, so the three may add up to more than <see cref="Duration"/>.</summary>
    public TimeSpan ExtractDuration { get; init; }

    /// <summary>Time spent in transforms.</summary>
    public TimeSpan TransformDuration { get; init; }

    /// <summary>Time spent writing and committing.</summary>
    public TimeSpan LoadDuration { get; init; }

    /// <summary>The errors, in order (row errors and the error that ended the run, if any).</summary>
    public IReadOnlyList<PipelineError> Errors { get; init; } = [];

    /// <summary>Warnings that did not stop the run.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Whether the run stopped because it reached <see cref="PipelineOptions.Timeout"/> (the committed part stays; the next run resumes after it).</summary>
    public bool TimedOut { get; init; }

    /// <summary>Whether the run stopped because its cancellation token was cancelled (the committed part stays; the next run resumes after it).</summary>
    public bool Cancelled { get; init; }

    /// <summary>The average quality score, when a quality scorer ran.</summary>
    public double? AvgQualityScore { get; init; }

    /// <summary>The full path of the dead-letter file, when any row of this run went there.</summary>
    public string? DeadLetterPath { get; init; }

    /// <summary>The full path of the state file the run resumed from and saved its checkpoints to; <see langword="null"/> when it keeps no state.</summary>
    public string? StatePath { get; init; }

    /// <summary>The state saved at the end of the run.</summary>
    public PipelineState? FinalState { get; init; }
}
