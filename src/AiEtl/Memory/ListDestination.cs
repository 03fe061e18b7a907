namespace AiEtl;

/// <summary>
/// A destination that keeps the rows in memory, for an application that wants a pipeline's output
/// as a list (and for tests). Rows of a batch become visible in <see cref="Rows"/> only when the
/// batch commits; a rolled-back batch leaves nothing behind.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed class ListDestination<T> : Destination<T>
{
    private readonly List<T> _pending = [];
    private readonly List<T> _rows = [];

    /// <summary>The committed rows, in the order they were written.</summary>
    public IReadOnlyList<T> Rows => _rows;

    /// <inheritdoc />
    public override string DestinationType => "memory";

    /// <inheritdoc />
    public override string DestinationId => "memory";

    /// <inheritdoc />
    public override ValueTask ConnectAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public override ValueTask CreateSchemaAsync(Schema schema, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public override ValueTask<int> WriteAsync(ReadOnlyMemory<T> rows, CancellationToken cancellationToken = default)
    {
        _pending.AddRange(rows.Span);
        return ValueTask.FromResult(rows.Length);
    }

    /// <inheritdoc />
    public override ValueTask CloseAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    protected override ValueTask OnBeginTransactionAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    protected override ValueTask OnCommitAsync(CancellationToken cancellationToken)
    {
        _rows.AddRange(_pending);
        _pending.Clear();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override ValueTask OnRollbackAsync(CancellationToken cancellationToken)
    {
        _pending.Clear();
        return ValueTask.CompletedTask;
    }
}
