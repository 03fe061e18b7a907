namespace AiEtl;

/// <summary>Retries of connections and batch loads (<c>execution.retry_policy</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RetryAttribute : Attribute
{
    /// <summary>How many times an operation is retried after its first failure.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The base of the exponential backoff.</summary>
    public double BackoffMultiplier { get; set; } = 2.0;

    /// <summary>The longest wait between attempts.</summary>
    public double MaxBackoffSeconds { get; set; } = 60.0;
}
