namespace AiEtl;

/// <summary>
/// A base for destinations that keeps the transaction bookkeeping: it knows whether a
/// transaction is open and rolls it back when the destination is disposed inside it.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public abstract class Destination<T> : IDestination<T>
{
    private bool _disposed;

    /// <inheritdoc />
    public abstract string DestinationType { get; }

    /// <inheritdoc />
    public abstract string DestinationId { get; }

    /// <inheritdoc />
    public virtual int DefaultCommitEvery => 1;

    /// <summary>Whether a transaction is open.</summary>
    public bool IsTransactionActive { get; private set; }

    /// <inheritdoc />
    public abstract ValueTask ConnectAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract ValueTask CreateSchemaAsync(Schema schema, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract ValueTask<int> WriteAsync(ReadOnlyMemory<T> rows, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public async ValueTask BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        if (IsTransactionActive)
        {
            throw new InvalidOperationException($"{DestinationId}: a transaction is already open");
        }

        await OnBeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        IsTransactionActive = true;
    }

    /// <inheritdoc />
    public async ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        if (!IsTransactionActive)
        {
            throw new InvalidOperationException($"{DestinationId}: no transaction is open");
        }

        await OnCommitAsync(cancellationToken).ConfigureAwait(false);
        IsTransactionActive = false;
    }

    /// <inheritdoc />
    public async ValueTask RollbackAsync(CancellationToken cancellationToken = default)
    {
        if (!IsTransactionActive)
        {
            return;
        }

        IsTransactionActive = false;
        await OnRollbackAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public abstract ValueTask CloseAsync(CancellationToken cancellationToken = default);

    /// <summary>Rolls back an open transaction, then closes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await CloseAsync(CancellationToken.None).ConfigureAwait(false);
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Starts a transaction in the underlying store.</summary>
    protected abstract ValueTask OnBeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>Commits the underlying transaction.</summary>
    protected abstract ValueTask OnCommitAsync(CancellationToken cancellationToken);

    /// <summary>Rolls back the underlying transaction.</summary>
    protected abstract ValueTask OnRollbackAsync(CancellationToken cancellationToken);
}
