
namespace AiEtl.Tests;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(1, 2.0)]
    [InlineData(2, 4.0)]
    [InlineData(5, 32.0)]
    [InlineData(6, 60.0)]
    [InlineData(10, 60.0)]
    public void Backoff_is_the_seeds_multiplier_to_the_attempt_capped_at_the_maximum(int attempt, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryPolicy.Default.GetBackoff(attempt));
    }

    [Fact]
    public void Transient_errors_are_retried_until_max_retries()
    {
        var policy = RetryPolicy.Default;
        var error = new WriteException("disk busy");

        Assert.True(policy.ShouldRetry(error, 0));
        Assert.True(policy.ShouldRetry(error, 2));
        Assert.False(policy.ShouldRetry(error, 3));
    }

    [Fact]
    public void Only_connection_read_and_write_errors_are_retried_by_default()
    {
        var policy = RetryPolicy.Default;

        Assert.True(policy.ShouldRetry(new ConnectionFailedException("refused"), 0));
        Assert.True(policy.ShouldRetry(new ReadException("eof"), 0));
        Assert.False(policy.ShouldRetry(new SchemaException("bad"), 0));
        Assert.False(policy.ShouldRetry(new TransformException("bad"), 0));
        Assert.False(policy.ShouldRetry(new InvalidOperationException(), 0));
    }

    [Fact]
    public void A_retryable_list_matches_exact_types()
    {
        var policy = new RetryPolicy { RetryableExceptions = [typeof(TimeoutException)] };

        Assert.True(policy.ShouldRetry(new TimeoutException(), 0));
        Assert.False(policy.ShouldRetry(new WriteException("not listed"), 0));
    }

    [Fact]
    public async Task Execute_retries_a_transient_failure_then_succeeds()
    {
        var policy = new RetryPolicy { MaxRetries = 3, MaxBackoffSeconds = 0.01 };
        var calls = 0;

        var result = await policy.ExecuteAsync(_ => ++calls < 3 ? throw new ConnectionFailedException("refused") : ValueTask.FromResult(42), TestContext.Current.CancellationToken);

        Assert.Equal(42, result);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Execute_gives_up_after_max_retries_with_the_last_error()
    {
        var policy = new RetryPolicy { MaxRetries = 2, MaxBackoffSeconds = 0.01 };
        var calls = 0;

        var error = await Assert.ThrowsAsync<WriteException>(async () =>
            await policy.ExecuteAsync<int>(_ => throw new WriteException($"attempt {++calls}"), TestContext.Current.CancellationToken));

        Assert.Equal(3, calls);
        Assert.Equal("attempt 3", error.Message);
    }

    [Fact]
    public async Task Execute_does_not_retry_a_permanent_error()
    {
        var policy = new RetryPolicy { MaxRetries = 3, MaxBackoffSeconds = 0.01 };
        var calls = 0;

        await Assert.ThrowsAsync<SchemaException>(async () =>
            await policy.ExecuteAsync<int>(_ => { calls++; throw new SchemaException("no such column"); }, TestContext.Current.CancellationToken));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Waits_follow_the_backoff()
    {
        var policy = new RetryPolicy { MaxRetries = 3, BackoffMultiplier = 2, MaxBackoffSeconds = 60 };
        var waits = new List<TimeSpan>();
        var pipeline = policy.ToResiliencePipeline(new ImmediateTimeProvider(), onRetry: (_, _, wait) => waits.Add(wait));

        await Assert.ThrowsAsync<ReadException>(async () =>
            await pipeline.ExecuteAsync<int>(_ => throw new ReadException("gone"), TestContext.Current.CancellationToken));

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], waits);
    }

    // A clock whose timers fire at once, so the test checks the waits without sleeping through them.
    private sealed class ImmediateTimeProvider : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new NoTimer();
        }

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
