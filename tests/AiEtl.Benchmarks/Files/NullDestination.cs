namespace AiEtl.Benchmarks.Files;

/// <summary>Discards rows: isolates the source's cost in the harness (<c>files typed null ...</c>).</summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed class NullDestination<T> : Destination<T>
{
    /// <inheritdoc />
    public override string DestinationType => "null";

    /// <inheritdoc />
    public override string DestinationId => "null";

    /// <inheritdoc />
    public override ValueTask ConnectAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public override ValueTask CreateSchemaAsync(Schema schema, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public override ValueTask<int> WriteAsync(ReadOnlyMemory<T> rows, CancellationToken cancellationToken = default) => ValueTask.FromResult(rows.Length);

    /// <inheritdoc />
    public override ValueTask CloseAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    protected override ValueTask OnBeginTransactionAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    protected override ValueTask OnCommitAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    protected override ValueTask OnRollbackAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
