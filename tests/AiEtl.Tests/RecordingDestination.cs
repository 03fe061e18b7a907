namespace AiEtl.Tests;

/// <summary>
/// Collects what a pipeline writes, with the transaction rules of a real destination (rows count once committed), and
/// rejects the batches <see cref="FailBatch"/> names. Unlike the public <see cref="ListDestination{T}"/>, it tells
/// committed rows from rolled-back ones.
/// </summary>
public sealed class RecordingDestination<T> : Destination<T>
{
    private readonly List<T> _pending = [];

    public List<T> Committed { get; } = [];

    public int Commits { get; private set; }

    public Func<int, bool>? FailBatch { get; init; }

    public override string DestinationType => "list";

    public override string DestinationId => "list";

    /// <summary>How many times <see cref="ConnectAsync"/> fails (a refused connection) before it succeeds.</summary>
    public int ConnectFailures { get; init; }

    public int ConnectAttempts { get; private set; }

    public override ValueTask ConnectAsync(CancellationToken cancellationToken = default) =>
        ++ConnectAttempts <= ConnectFailures ? throw new ConnectionFailedException($"connection {ConnectAttempts} refused") : ValueTask.CompletedTask;

    public override ValueTask CreateSchemaAsync(Schema schema, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public override ValueTask<int> WriteAsync(ReadOnlyMemory<T> rows, CancellationToken cancellationToken = default)
    {
        if (FailBatch?.Invoke(Commits + 1) == true)
        {
            throw new WriteException($"batch {Commits + 1} rejected");
        }

        _pending.AddRange(rows.ToArray());
        return ValueTask.FromResult(rows.Length);
    }

    public override ValueTask CloseAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    protected override ValueTask OnBeginTransactionAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    protected override ValueTask OnCommitAsync(CancellationToken cancellationToken)
    {
        Committed.AddRange(_pending);
        _pending.Clear();
        Commits++;
        return ValueTask.CompletedTask;
    }

    protected override ValueTask OnRollbackAsync(CancellationToken cancellationToken)
    {
        _pending.Clear();
        return ValueTask.CompletedTask;
    }
}
