using System.Runtime.CompilerServices;

namespace AiEtl.Tests.Files;

/// <summary>A source over rows of any type (EnumerableSource needs an [EtlRecord] type; dynamic records are not one).</summary>
public sealed class ListSource<T>(IReadOnlyList<T> rows) : ISource<T>
{
    public string SourceType => "list";

    public string SourceId => "list";

    public bool SupportsIncremental => false;

    public ValueTask ConnectAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<Schema> GetSchemaAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(new Schema("list", []));

    public async IAsyncEnumerable<SourceBatch<T>> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var batch = new SourceBatch<T>(Math.Max(1, rows.Count));
        foreach (var row in rows)
        {
            batch.Add(row);
        }

        batch.RecordsRead = rows.Count;
        yield return batch;
    }

    public SourceState GetState() => new();

    public void SetState(SourceState state)
    {
    }

    public ValueTask CloseAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
