namespace AiEtl;

/// <summary>
/// Where adapters and transforms send rows that failed. The pipeline's error policy decides: a
/// <c>skip</c> policy writes the row to the dead-letter file and returns; a <c>fail</c> policy throws.
/// </summary>
public interface IRowErrorSink
{
    /// <summary>Reports a failed row.</summary>
    /// <exception cref="EtlException">The policy for the stage is to fail the run.</exception>
    ValueTask ReportAsync(RowError error, CancellationToken cancellationToken);
}
