using AiEtl.Internal;

namespace AiEtl;

/// <summary>
/// The pipeline's <see cref="IRowErrorSink"/>: applies the per-stage policy, writes skipped rows to
/// the dead-letter file and keeps the first errors for the result.
/// </summary>
internal sealed class RowErrorCollector : IRowErrorSink
{
    private const int MaxErrorsKept = 1000;
    private readonly ErrorHandlingOptions _options;
    private readonly DeadLetterWriter _deadLetters;
    private readonly TimeProvider _clock;
    private readonly List<PipelineError> _errors = [];
    private readonly Lock _gate = new();

    private readonly string _pipeline;
    private readonly SensitiveDataMasker _masker;

    private readonly RetryPolicy _retryPolicy;

    public RowErrorCollector(ErrorHandlingOptions options, RetryPolicy retryPolicy, DeadLetterWriter deadLetters, TimeProvider clock, string pipeline, SensitiveDataMasker masker)
    {
        _retryPolicy = retryPolicy;
        _pipeline = pipeline;
        _masker = masker;
        _options = options;
        _deadLetters = deadLetters;
        _clock = clock;
    }

    public long FailedRows { get; private set; }

    /// <summary>Whether a row a transform fails on is transformed again before its error counts (<see cref="ErrorHandlingOptions.OnTransformError"/> is retry).</summary>
    public bool RetriesTransforms => _options.OnTransformError == ErrorAction.Retry && _retryPolicy.MaxRetries > 0;

    /// <summary>
    /// Whether the row that failed with <paramref name="failure"/> after <paramref name="attempt"/> retries is to be tried
    /// again: when its stage's action is retry and the policy allows another, after waiting the policy's backoff.
    /// </summary>
    public async ValueTask<bool> WaitToRetryAsync(RowError failure, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (_options.For(failure.Stage) != ErrorAction.Retry
            || !_retryPolicy.ShouldRetryStageError(failure.Exception ?? new TransformException(failure.Message), attempt))
        {
            return false;
        }

        await Task.Delay(_retryPolicy.GetBackoff(attempt), _clock, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public IReadOnlyList<PipelineError> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    public ValueTask ReportAsync(RowError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);

        // Masked before anything keeps it: the dead-letter file, the result, the exception that stops the run.
        error = _masker.Mask(error);
        if (_options.For(error.Stage) != ErrorAction.Skip)
        {
            throw ToException(error);
        }

        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            _deadLetters.Write(error, now);
            FailedRows++;
            PipelineTelemetry.RowsFailed.Add(1, PipelineTelemetry.Tags(_pipeline));
            Add(ToPipelineError(error, now));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The error masked as every kept error is; for the rows the load stage rejects itself.</summary>
    public RowError Mask(RowError error) => _masker.Mask(error);

    /// <summary>Writes rows the destination rejected to the dead-letter file, before the transaction that leaves them out commits.</summary>
    public void DeadLetter(IReadOnlyList<RowError> masked)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            foreach (var error in masked)
            {
                _deadLetters.Write(error, now);
            }
        }
    }

    /// <summary>Counts rows the destination rejected once the transaction that left them out committed (a retried one must not count them twice).</summary>
    public void CountRejected(IReadOnlyList<RowError> masked)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            foreach (var error in masked)
            {
                FailedRows++;
                Add(ToPipelineError(error, now));
            }
        }

        if (masked.Count > 0)
        {
            PipelineTelemetry.RowsFailed.Add(masked.Count, PipelineTelemetry.Tags(_pipeline));
        }
    }

    public void Add(PipelineError error)
    {
        error = _masker.Mask(error);
        lock (_gate)
        {
            if (_errors.Count < MaxErrorsKept)
            {
                _errors.Add(error);
            }
        }
    }

    private static PipelineError ToPipelineError(RowError error, DateTimeOffset now) =>
        new(error.Stage, error.Exception?.GetType().Name ?? "RowError", error.FullMessage)
        {
            Location = error.Location,
            RecordId = error.RecordId,
            Timestamp = now,
        };

    private static EtlException ToException(RowError error) => error.Stage switch
    {
        PipelineStage.Extract => new ReadException(error.Message, error.Location, error.Exception),
        PipelineStage.Transform => new TransformException(error.Message, error.Location, error.Exception),
        _ => new WriteException(error.Message, error.Location, error.Exception),
    };
}
