using System.ComponentModel;

namespace AiEtl.Internal;

/// <summary>
/// A database destination that can find the rows it rejects inside a transaction: the engine writes a rejected
/// batch again in parts, each between a savepoint and its release, so the good rows stay in the transaction and
/// the bad ones are found one by one (<see cref="ErrorHandlingOptions.OnLoadError"/>). Nothing here runs while no
/// batch is rejected.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <remarks>For AiEtl's adapters and generated code, which is why it is public; it is not part of the supported API and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IRowIsolatingDestination<T> : IDestination<T>
{
    /// <summary>Sets a savepoint in the open transaction.</summary>
    ValueTask SavepointAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the rows written since the savepoint reach the table now (a COPY is completed, a merge applied), so
    /// that a rejection surfaces here as a <see cref="DataRejectedException"/>, then releases the savepoint.
    /// </summary>
    ValueTask ReleaseSavepointAsync(CancellationToken cancellationToken = default);

    /// <summary>Discards what was written since the savepoint (an aborted COPY included) and releases it; the transaction goes on.</summary>
    ValueTask RollbackToSavepointAsync(CancellationToken cancellationToken = default);

    /// <summary>The row's primary key as <c>name=value</c> pairs, sensitive values masked; <see langword="null"/> without a key.</summary>
    string? DescribeKey(in T row);

    /// <summary>How many rows of the open or last committed transaction replaced a row with the same key (merge); 0 in the other write modes.</summary>
    long RowsUpdated { get; }
}
