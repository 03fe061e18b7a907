namespace AiEtl;

/// <summary>
/// The pass a run makes over its whole source before streaming it, when a transform needs statistics of the input
/// (the null_remover's impute). It reads from the start whatever the saved position, skips the rows it cannot read
/// (the streaming pass reports them), and leaves the source's state as it found it.
/// </summary>
internal static class FirstPass
{
    public static async Task RunAsync<T>(ISource<T> source, IReadOnlyList<Transform<T>> transforms, Schema schema, int batchSize, ICollection<string> warnings, CancellationToken cancellationToken)
    {
        var fitted = transforms.OfType<IFittedTransform<T>>().ToList();
        if (fitted.Count == 0)
        {
            return;
        }

        foreach (var transform in fitted)
        {
            transform.BeginFit(schema);
        }

        var initial = source.GetState();
        var context = new ReadContext(batchSize, new IgnoredRowErrors()) { KeepsState = false };
        await foreach (var batch in source.ReadAsync(context, cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in batch.Rows)
            {
                foreach (var transform in fitted)
                {
                    transform.Observe(in row);
                }
            }

            batch.Release();
        }

        source.SetState(initial);
        foreach (var transform in fitted)
        {
            foreach (var warning in transform.EndFit())
            {
                warnings.Add(warning);
            }
        }
    }

    private sealed class IgnoredRowErrors : IRowErrorSink
    {
        public ValueTask ReportAsync(RowError error, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
