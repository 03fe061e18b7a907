using System.Runtime.CompilerServices;

namespace AiEtl;

/// <summary>
/// A source over rows the application already has (a list, a query result, an async stream), so
/// an app can load its own data through the same pipeline, transforms and destinations.
/// </summary>
/// <typeparam name="T">The <c>[EtlRecord]</c> type of the rows.</typeparam>
public sealed class EnumerableSource<T> : ISource<T>
    where T : IEtlRecord<T>
{
    private readonly IAsyncEnumerable<T> _rows;
    private SourceState _state = new();

    /// <summary>Creates a source over <paramref name="rows"/>.</summary>
    public EnumerableSource(IEnumerable<T> rows, string sourceId = "memory")
        : this(ToAsync(rows ?? throw new ArgumentNullException(nameof(rows))), sourceId)
    {
    }

    /// <summary>Creates a source over <paramref name="rows"/>.</summary>
    public EnumerableSource(IAsyncEnumerable<T> rows, string sourceId = "memory")
    {
        _rows = rows ?? throw new ArgumentNullException(nameof(rows));
        SourceId = sourceId;
    }

    /// <inheritdoc />
    public string SourceType => "memory";

    /// <inheritdoc />
    public string SourceId { get; }

    /// <inheritdoc />
    public bool SupportsIncremental => false;

    /// <inheritdoc />
    public ValueTask ConnectAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask<Schema> GetSchemaAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(T.Schema);

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceBatch<T>> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var batch = new SourceBatch<T>(context.BatchSize) { PositionSource = SourceId };
        var read = 0L;
        await foreach (var row in _rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (batch.Count == context.BatchSize)
            {
                yield return Finish(batch, read);
                batch = new SourceBatch<T>(context.BatchSize) { PositionSource = SourceId };
            }

            read++;
            batch.Add(row, 0, read);
            batch.RecordsRead++;
        }

        yield return Finish(batch, read);
    }

    /// <inheritdoc />
    public SourceState GetState() => _state;

    /// <inheritdoc />
    public void SetState(SourceState state) => _state = state ?? throw new ArgumentNullException(nameof(state));

    /// <inheritdoc />
    public ValueTask CloseAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private SourceBatch<T> Finish(SourceBatch<T> batch, long read)
    {
        _state = new SourceState { RecordsProcessed = read, Checkpoint = new Checkpoint { Offset = read } };
        batch.StateAfter = _state;
        return batch;
    }

    private static async IAsyncEnumerable<T> ToAsync(IEnumerable<T> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
