namespace AiEtl;

/// <summary>An error recorded during a run: its stage, type, message and where in the data it happened.</summary>
/// <param name="Stage">Where it happened.</param>
/// <param name="ErrorType">The error's kind, such as the exception type name.</param>
/// <param name="Message">What went wrong.</param>
public sealed record PipelineError(PipelineStage Stage, string ErrorType, string Message)
{
    /// <summary>The record it concerns, where one is known.</summary>
    public string? RecordId { get; init; }

    /// <summary>The file, line, column or row.</summary>
    public DataLocation? Location { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset Timestamp { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The stack trace, for errors that were not expected.</summary>
    public string? StackTrace { get; init; }

    /// <summary>Whether trying again might succeed.</summary>
    public bool Retryable { get; init; }
}
