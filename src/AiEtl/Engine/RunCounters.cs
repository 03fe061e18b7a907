using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiEtl;

/// <summary>What one run counts and times, shared by its stages (the row counts are updated with <see cref="Interlocked"/>).</summary>
internal sealed class RunCounters
{
    public long Extracted;
    public long Transformed;
    public long Loaded;

    /// <summary>Of <see cref="Loaded"/>, the rows that replaced a row with the same key (merge).</summary>
    public long Updated;
    private readonly Lock _gate = new();

    public DateTimeOffset StartTime { get; init; }

    /// <summary>The pipeline's name, which tags the metrics.</summary>
    public required string Pipeline { get; init; }

    /// <summary>The run's logger.</summary>
    public ILogger Log { get; init; } = NullLogger.Instance;

    public void AddExtracted(long rows)
    {
        Interlocked.Add(ref Extracted, rows);
        PipelineTelemetry.RowsExtracted.Add(rows, PipelineTelemetry.Tags(Pipeline));
    }

    public void AddTransformed(long rows)
    {
        Interlocked.Add(ref Transformed, rows);
        PipelineTelemetry.RowsTransformed.Add(rows, PipelineTelemetry.Tags(Pipeline));
    }

    /// <summary>Commits so far.</summary>
    public long Commits;

    /// <summary>The rows rejected so far (the error collector's count).</summary>
    public Func<long> Failed { get; set; } = static () => 0;

    private bool _progressFailed;

    /// <summary>
    /// Tells <paramref name="progress"/> how far the run is. A callback that throws is a bug of its own, not of the data:
    /// the rows it reports on are committed already, so the run goes on without it and says so in a warning once.
    /// </summary>
    public void ReportProgress(IProgress<PipelineProgress>? progress, DateTimeOffset now, bool completed)
    {
        if (progress is null || _progressFailed)
        {
            return;
        }

        try
        {
            progress.Report(Progress(now, completed));
        }
        catch (Exception error)
        {
            _progressFailed = true;
            lock (Warnings)
            {
                Warnings.Add($"the progress callback threw {error.GetType().Name} ({error.Message}); it is not called again in this run, which went on");
            }
        }
    }

    public PipelineProgress Progress(DateTimeOffset now, bool completed) => new()
    {
        PipelineId = Pipeline,
        RecordsExtracted = Interlocked.Read(ref Extracted),
        RecordsTransformed = Interlocked.Read(ref Transformed),
        RecordsLoaded = Interlocked.Read(ref Loaded),
        RecordsFailed = Failed(),
        Commits = Interlocked.Read(ref Commits),
        Elapsed = now - StartTime,
        Completed = completed,
        BytesRead = completed ? Source?.TotalBytes : CommittedPosition is { } position ? Source?.BytesBefore(position) : 0,
        TotalBytes = Source?.TotalBytes,
    };

    /// <summary>The source, when it knows its size.</summary>
    public ISizedSource? Source { get; init; }

    /// <summary>The position after the last committed row, for the bytes read.</summary>
    public SourceState? CommittedPosition { get; set; }

    public void AddLoaded(long rows, long updated)
    {
        Interlocked.Add(ref Loaded, rows);
        Interlocked.Add(ref Updated, updated);
        PipelineTelemetry.RowsLoaded.Add(rows, PipelineTelemetry.Tags(Pipeline));
    }

    /// <summary>The stage that failed first; later failures are the stops it caused.</summary>
    public PipelineStage? FailedStage { get; private set; }

    public Stopwatch ExtractTime { get; } = new();

    public Stopwatch TransformTime { get; } = new();

    public Stopwatch LoadTime { get; } = new();

    public List<string> Warnings { get; } = [];

    public void FailedFirst(PipelineStage stage)
    {
        lock (_gate)
        {
            FailedStage ??= stage;
        }
    }
}
