namespace AiEtl.Generators.Tests.Infrastructure;

/// <summary>Keeps the rows reported as bad, for tests to inspect.</summary>
internal sealed class ListErrorSink : IRowErrorSink
{
    /// <summary>The reported rows, in order.</summary>
    public List<RowError> Errors { get; } = [];

    public ValueTask ReportAsync(RowError error, CancellationToken cancellationToken)
    {
        Errors.Add(error);
        return ValueTask.CompletedTask;
    }
}
