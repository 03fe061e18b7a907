using System.Runtime.ExceptionServices;
using Polly;

namespace AiEtl;

/// <summary>
/// How a stage's step (reading on from a position, writing a transaction) is retried: the retry policy's transient
/// errors always where the stage had them retried before (loads), and, when the stage's error action is
/// <see cref="ErrorAction.Retry"/>, every error of the step (<see cref="RetryPolicy.ShouldRetryStageError"/>). Once the
/// retries are spent the step fails with an error that says so.
/// </summary>
internal sealed class StageRetry
{
    private readonly PipelineStage _stage;
    private readonly RetryPolicy _policy;
    private readonly TimeProvider _clock;
    private readonly Func<Exception, int, bool> _shouldRetry;
    private ResiliencePipeline? _pipeline;
    private int _retries;

    /// <param name="policy">The pipeline's retry policy: how often and how long to wait.</param>
    /// <param name="clock">The clock the waits run on.</param>
    /// <param name="stage">The stage, whose error action decides.</param>
    /// <param name="action">The stage's error action.</param>
    /// <param name="transientAlways">Whether the policy's transient errors are retried whatever the action (loads, as they always were).</param>
    /// <param name="canRetry">Whether the step can be tried again now (a source that cannot resume after the batches it passed on cannot).</param>
    public StageRetry(RetryPolicy policy, TimeProvider clock, PipelineStage stage, ErrorAction action, bool transientAlways, Func<bool>? canRetry = null)
    {
        _stage = stage;
        _policy = policy;
        _clock = clock;
        Enabled = action == ErrorAction.Retry;
        var enabled = Enabled;
        _shouldRetry = (error, attempt) => (canRetry?.Invoke() ?? true)
            && ((transientAlways && policy.ShouldRetry(error, attempt)) || (enabled && policy.ShouldRetryStageError(error, attempt)));
    }

    /// <summary>Whether the stage's error action is <see cref="ErrorAction.Retry"/>.</summary>
    public bool Enabled { get; }

    /// <summary>
    /// The policy's Polly pipeline, built at the first failure to retry: most runs have none, and building one validates
    /// its options through DataAnnotations (System.ComponentModel.Annotations and TypeConverter, loaded and compiled at
    /// start otherwise).
    /// </summary>
    public ResiliencePipeline Pipeline => _pipeline ??= _policy.ToResiliencePipeline(_clock, _shouldRetry, (_, attempt, _) => _retries = attempt + 1);

    /// <summary>Runs the step, retrying it; the error after the last retry names how many were made.</summary>
    /// <remarks>
    /// The first attempt runs outside Polly: nearly every step succeeds at once, and Polly's generic async machinery
    /// around each one is dozens of methods the JIT compiles and tiers up again per state shape while the rows wait.
    /// A first failure that is to be retried is handed to Polly as its first attempt's outcome, so the waits, the
    /// counts and the final error are the ones Polly gives when it runs the step itself.
    /// </remarks>
    public async ValueTask ExecuteAsync<TState>(Func<TState, CancellationToken, ValueTask> step, TState state, CancellationToken cancellationToken)
    {
        _retries = 0;
        FailedFirstAttempt<TState> retried;
        try
        {
            await step(state, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception error) when (_policy.MaxRetries > 0 && _shouldRetry(error, 0))
        {
            retried = new FailedFirstAttempt<TState>(ExceptionDispatchInfo.Capture(error), step, state);
        }

        await RetryAsync(retried, cancellationToken).ConfigureAwait(false);
    }

    // Apart from the first attempt, so that a run whose steps all succeed never loads Polly (compiling the caller would).
    private async ValueTask RetryAsync<TState>(FailedFirstAttempt<TState> retried, CancellationToken cancellationToken)
    {
        try
        {
            await Pipeline.ExecuteAsync(static (attempt, token) => attempt.RunAsync(token), retried, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (Enabled && _retries > 0 && error is not OperationCanceledException)
        {
            throw GaveUp(error, _retries);
        }
    }

    private EtlException GaveUp(Exception error, int retries)
    {
        var location = (error as EtlException)?.Location;
        var reason = location is not null && error.Message.StartsWith($"{location}: ", StringComparison.Ordinal)
            ? error.Message[($"{location}: ".Length)..]
            : error.Message;
        var message = $"{reason} (still failing after {retries} {(retries == 1 ? "retry" : "retries")}: the {_stage.ToString().ToLowerInvariant()} stage's error action is retry)";
        return _stage switch
        {
            PipelineStage.Extract => new ReadException(message, location, error),
            PipelineStage.Transform => new TransformException(message, location, error),
            _ when error is DataRejectedException rejected => new DataRejectedException(message, location, error) { Reason = rejected.Reason },
            _ => new WriteException(message, location, error),
        };
    }

    // The step for Polly after a failed first attempt: its first call fails as that attempt did, the others run the step.
    private sealed class FailedFirstAttempt<TState>(ExceptionDispatchInfo failure, Func<TState, CancellationToken, ValueTask> step, TState state)
    {
        private ExceptionDispatchInfo? _failure = failure;

        public async ValueTask RunAsync(CancellationToken cancellationToken)
        {
            if (_failure is { } failure)
            {
                _failure = null;
                failure.Throw();
            }

            await step(state, cancellationToken).ConfigureAwait(false);
        }
    }
}
