using AiEtl.Resilience;
using AiEtl.State;

namespace AiEtl.Engine;

/// <summary>How a pipeline runs: batch size, schema handling, errors, retries and state.</summary>
public sealed record PipelineOptions
{
    /// <summary>Rows per batch. A batch is also the unit of a destination transaction and of a checkpoint.</summary>
    public int BatchSize { get; init; } = 1000;

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

    /// <summary>The clock, for timestamps and retry waits.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
