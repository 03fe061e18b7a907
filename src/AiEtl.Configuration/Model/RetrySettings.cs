using System.Collections.Generic;

namespace AiEtl.Configuration.Model;

/// <summary><c>execution.retry_policy</c>: the seed's <c>RetryPolicy</c>.</summary>
public sealed class RetrySettings
{
    /// <summary>Retries after the first failure.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The base of the exponential backoff.</summary>
    public double BackoffMultiplier { get; init; } = 2.0;

    /// <summary>The longest wait between attempts, in seconds.</summary>
    public double MaxBackoffSeconds { get; init; } = 60.0;

    /// <summary>The kinds of error retried (<c>connection</c>, <c>read</c>, ...); empty for the default ones.</summary>
    public IReadOnlyList<string> RetryableErrors { get; init; } = [];
}
