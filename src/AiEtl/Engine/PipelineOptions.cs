using Microsoft.Extensions.Logging;


namespace AiEtl;

/// <summary>How a pipeline runs: batch size, schema handling, errors, retries and state.</summary>
public sealed record PipelineOptions
{
    /// <summary>Rows per batch: the unit that moves between the stages.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>
    /// Batches per destination transaction (and per checkpoint): the load stage begins a transaction,
    /// writes this many batches, commits, then saves the checkpoint of the last one. A failure rolls back
    /// every batch of the open transaction; with retries, those batches are kept until the commit so the
    /// retry can write them all again (so up to <c>BatchSize * CommitEvery</c> rows stay in memory). Larger
    /// values save round trips (PostgreSQL: one COPY per transaction). <see langword="null"/> (the default) takes the
    /// destination's <see cref="IDestination{T}.DefaultCommitEvery"/>: 10 for PostgreSQL, 1 for the others.
    /// </summary>
    public int? CommitEvery { get; init; }

    /// <summary>
    /// How many batches the transform stage works on at once; the seed's <c>execution.max_workers</c>. With more than
    /// 1 (the default), the transforms that are <see cref="Transform{T}.IsConcurrencySafe"/> run on that many batches
    /// at once, and each of the others runs on its own worker, on one batch at a time in order (a pipeline), so the
    /// rows reach the destination in the source's order whatever the setting.
    /// </summary>
    public int MaxWorkers { get; init; } = 1;

    /// <summary>How many batches may wait between two stages; bounds memory whatever the input size.</summary>
    public int BatchesInFlight { get; init; } = 4;

    /// <summary>Per-stage error handling and the dead-letter file.</summary>
    public ErrorHandlingOptions ErrorHandling { get; init; } = new();

    /// <summary>Retries of connections and batch loads.</summary>
    public RetryPolicy RetryPolicy { get; init; } = RetryPolicy.Default;

    /// <summary>Where incremental state is kept; <see langword="null"/> to read everything on every run.</summary>
    public StateManager? State { get; init; }

    /// <summary>Ignore the saved state and read everything again (the API's <c>force_full_refresh</c>).</summary>
    public bool FullRefresh { get; init; }

    /// <summary>
    /// How long a run may take (the seed's <c>execution.timeout_seconds</c>); <see langword="null"/> (the default) for no
    /// limit. A run that reaches it stops as a cancelled one does: the open transaction is rolled back, the committed
    /// ones and their checkpoint stay, and <see cref="PipelineResult.TimedOut"/> says so.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Where to report how far a run is: after each commit and once at the end (<see cref="PipelineProgress.Completed"/>),
    /// called on the load stage's thread, so a report should be quick (<see cref="Progress{T}"/> posts it elsewhere).
    /// </summary>
    public IProgress<PipelineProgress>? Progress { get; init; }

    /// <summary>Where a run logs (category <c>AiEtl.Pipeline</c>): start and end, each commit at Debug, warnings, errors; <see langword="null"/> for no log.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// Masking of sensitive values (social security, card and phone numbers, e-mail addresses) in the run's errors,
    /// warnings, log messages and dead-letter messages: on by default (<see cref="MaskingOptions.Default"/>).
    /// </summary>
    public MaskingOptions Masking { get; init; } = MaskingOptions.Default;

    /// <summary>The clock, for timestamps, retry waits and the timeout.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
