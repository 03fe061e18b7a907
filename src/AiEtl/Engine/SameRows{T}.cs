namespace AiEtl;

/// <summary>The projection of a pipeline that loads the rows it read: each batch goes on as it is, with no copy.</summary>
/// <typeparam name="T">The row type.</typeparam>
internal sealed class SameRows<T> : IBatchProjection<T, T>
{
    public static SameRows<T> Instance { get; } = new();

    public long RecordsFiltered => 0;

    public Schema OutputSchema(Schema input) => input;

    public ValueTask<SourceBatch<T>> ProjectAsync(SourceBatch<T> batch, IRowErrorSink errors, CancellationToken cancellationToken) => ValueTask.FromResult(batch);
}
