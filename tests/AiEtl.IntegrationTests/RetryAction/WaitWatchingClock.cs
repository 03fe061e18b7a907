namespace AiEtl.IntegrationTests.RetryAction;

/// <summary>
/// The system clock, counting the waits started on it (the retry policy's backoffs) and running an action when the
/// first one starts: the moment a retry is certain, so the tests make the failure go away then, and only then.
/// </summary>
internal sealed class WaitWatchingClock(Action? onFirstWait = null) : TimeProvider
{
    private int _waits;

    /// <summary>How many waits were started: the retries made.</summary>
    public int Waits => Volatile.Read(ref _waits);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan && Interlocked.Increment(ref _waits) == 1)
        {
            onFirstWait?.Invoke();
        }

        return System.CreateTimer(callback, state, dueTime, period);
    }
}
