namespace AiEtl;

/// <summary>
/// A destination of rows: connects, creates or checks its schema, writes batches in transactions. Disposing a
/// destination inside an open transaction rolls it back.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public interface IDestination<T> : IAsyncDisposable
{
    /// <summary>The kind of destination: <c>sqlite</c>, <c>postgres</c>, <c>csv</c>, ...</summary>
    string DestinationType { get; }

    /// <summary>The destination's identity: a file path, a table.</summary>
    string DestinationId { get; }

    /// <summary>
    /// Batches per transaction when <see cref="PipelineOptions.CommitEvery"/> is not set: what a commit costs here.
    /// 1 unless the destination says otherwise (PostgreSQL: 10, because each transaction is a COPY and a WAL flush).
    /// </summary>
    int DefaultCommitEvery => 1;

    /// <summary>Opens the destination.</summary>
    /// <exception cref="ConnectionFailedException">The destination cannot be opened.</exception>
    ValueTask ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates or checks the table or file for <paramref name="schema"/>, as its schema mode says.</summary>
    /// <exception cref="SchemaException">The schema cannot be created, or the existing one differs.</exception>
    ValueTask CreateSchemaAsync(Schema schema, CancellationToken cancellationToken = default);

    /// <summary>Writes rows inside the current transaction; returns how many were written.</summary>
    /// <exception cref="WriteException">The rows cannot be written.</exception>
    ValueTask<int> WriteAsync(ReadOnlyMemory<T> rows, CancellationToken cancellationToken = default);

    /// <summary>Starts a transaction.</summary>
    ValueTask BeginTransactionAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes the rows written since <see cref="BeginTransactionAsync"/> durable.</summary>
    ValueTask CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>Discards the rows written since <see cref="BeginTransactionAsync"/>.</summary>
    ValueTask RollbackAsync(CancellationToken cancellationToken = default);

    /// <summary>Closes the destination.</summary>
    ValueTask CloseAsync(CancellationToken cancellationToken = default);
}
