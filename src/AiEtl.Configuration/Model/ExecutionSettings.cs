namespace AiEtl.Configuration.Model;

/// <summary><c>pipeline.execution</c>: batch size, parallelism, timeout, commit size and retries.</summary>
public sealed class ExecutionSettings
{
    /// <summary>Rows per batch.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Parallel workers of file sources.</summary>
    public int MaxWorkers { get; init; } = 4;

    /// <summary>The run's time limit in seconds, or <see langword="null"/>.</summary>
    public double? TimeoutSeconds { get; init; }

    /// <summary>Batches per transaction, or <see langword="null"/> for the destination's default.</summary>
    public int? CommitEvery { get; init; }

    /// <summary>Batches that may wait between two stages.</summary>
    public int BatchesInFlight { get; init; } = 4;

    /// <summary>The retry policy.</summary>
    public RetrySettings RetryPolicy { get; init; } = new();
}
