namespace AiEtl.Cli.Commands;

/// <summary>The error sink of a scan's read: a row the source cannot read stops the scan with its location (a scan keeps no dead-letter file).</summary>
internal sealed class FailingRowErrorSink : IRowErrorSink
{
    public ValueTask ReportAsync(RowError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        throw new ReadException(error.Message, error.Location, error.Exception);
    }
}
