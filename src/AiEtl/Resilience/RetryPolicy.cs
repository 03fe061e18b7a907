using Polly;
using Polly.Retry;

namespace AiEtl;

/// <summary>
/// When and how often a failed connection or batch is tried again: up to <see cref="MaxRetries"/> retries of transient errors, waiting
/// <c>min(BackoffMultiplier ^ attempt, MaxBackoffSeconds)</c> seconds before each. Executed through
/// Polly.Core, which owns the waiting, cancellation and the retry loop.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>The default policy: 3 retries, backoff 1 s, 2 s, 4 s, at most 60 s.</summary>
    public static RetryPolicy Default { get; } = new();

    /// <summary>A policy that never retries.</summary>
    public static RetryPolicy None { get; } = new() { MaxRetries = 0 };

    /// <summary>How many times an operation is retried after its first failure.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The base of the exponential backoff.</summary>
    public double BackoffMultiplier { get; init; } = 2.0;

    /// <summary>The longest wait between attempts.</summary>
    public double MaxBackoffSeconds { get; init; } = 60.0;

    /// <summary>
    /// The exception types that are retried (exact type match: a subclass is not retried unless listed). When
    /// <see langword="null"/>, connection, read and write errors are retried.
    /// </summary>
    public IReadOnlyList<Type>? RetryableExceptions { get; init; }

    /// <summary>Whether <paramref name="error"/> should be retried after <paramref name="attempt"/> retries so far.</summary>
    public bool ShouldRetry(Exception error, int attempt)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (attempt >= MaxRetries)
        {
            return false;
        }

        if (RetryableExceptions is { Count: > 0 } types)
        {
            return types.Contains(error.GetType());
        }

        return error is ConnectionFailedException or ReadException or WriteException;
    }

    /// <summary>
    /// Whether an error of a stage whose error action is <see cref="ErrorAction.Retry"/> should be retried after
    /// <paramref name="attempt"/> retries: choosing retry says that stage's errors are worth another try, so any error
    /// is (of the <see cref="RetryableExceptions"/> when they are listed), except those no wait can change: a
    /// cancellation, and configuration, schema and state errors.
    /// </summary>
    internal bool ShouldRetryStageError(Exception error, int attempt)
    {
        if (attempt >= MaxRetries || error is OperationCanceledException or PipelineConfigurationException or SchemaException or StateException)
        {
            return false;
        }

        return RetryableExceptions is not { Count: > 0 } types || types.Contains(error.GetType());
    }

    /// <summary>The wait before retry number <paramref name="attempt"/> (0 for the first retry).</summary>
    public TimeSpan GetBackoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(BackoffMultiplier, attempt), MaxBackoffSeconds));

    /// <summary>Builds the Polly pipeline that applies this policy.</summary>
    /// <param name="timeProvider">The clock used for waiting; tests pass a fake one.</param>
    /// <param name="onRetry">Called before each retry with the error, the retry number and the wait.</param>
    public ResiliencePipeline ToResiliencePipeline(
        TimeProvider? timeProvider = null,
        Action<Exception, int, TimeSpan>? onRetry = null) => ToResiliencePipeline(timeProvider, ShouldRetry, onRetry);

    /// <summary>Builds the Polly pipeline of this policy's waits and count, retrying the errors <paramref name="shouldRetry"/> accepts (error, retries so far).</summary>
    internal ResiliencePipeline ToResiliencePipeline(TimeProvider? timeProvider, Func<Exception, int, bool> shouldRetry, Action<Exception, int, TimeSpan>? onRetry)
    {
        if (MaxRetries <= 0)
        {
            return ResiliencePipeline.Empty;
        }

        var builder = new ResiliencePipelineBuilder();
        if (timeProvider is not null)
        {
            builder.TimeProvider = timeProvider;
        }

        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = MaxRetries,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is { } error && shouldRetry(error, args.AttemptNumber)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(GetBackoff(args.AttemptNumber)),
            OnRetry = args =>
            {
                onRetry?.Invoke(args.Outcome.Exception!, args.AttemptNumber, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    /// <summary>Runs <paramref name="operation"/>, retrying it as this policy says.</summary>
    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken = default) =>
        ToResiliencePipeline().ExecuteAsync(operation, cancellationToken);

    /// <summary>Runs <paramref name="operation"/>, retrying it as this policy says.</summary>
    public ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> operation, CancellationToken cancellationToken = default) =>
        ToResiliencePipeline().ExecuteAsync(operation, cancellationToken);
}
