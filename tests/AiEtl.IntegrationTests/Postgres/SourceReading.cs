namespace AiEtl.IntegrationTests;

/// <summary>Reads a source to the end outside a pipeline, failing on the first bad row.</summary>
internal static class SourceReading
{
    public static async Task<(List<T> Rows, List<SourceState> States)> ReadAllAsync<T>(ISource<T> source, int batchSize, int? maxBatches = null)
    {
        var rows = new List<T>();
        var states = new List<SourceState>();
        await source.ConnectAsync(TestContext.Current.CancellationToken);
        var batches = 0;
        await foreach (var batch in source.ReadAsync(new ReadContext(batchSize, new FailingSink()), TestContext.Current.CancellationToken))
        {
            foreach (var row in batch.Rows)
            {
                rows.Add(row);
            }

            states.Add(batch.StateAfter!);
            batch.Release();
            if (++batches == maxBatches)
            {
                break;
            }
        }

        await source.CloseAsync(TestContext.Current.CancellationToken);
        return (rows, states);
    }

    private sealed class FailingSink : IRowErrorSink
    {
        public ValueTask ReportAsync(RowError error, CancellationToken cancellationToken) => throw new EtlException(error.FullMessage);
    }
}
