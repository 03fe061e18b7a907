namespace AiEtl;

/// <summary>
/// A source of rows: connects, reports its schema, reads batches and, when it can, resumes from a saved position. One implementation serves
/// typed rows (generated codecs) and dynamic <see cref="Record"/> rows.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public interface ISource<T> : IAsyncDisposable
{
    /// <summary>The kind of source, as in state files and record metadata: <c>csv</c>, <c>sqlite</c>, ...</summary>
    string SourceType { get; }

    /// <summary>The source's identity: a file path, a table.</summary>
    string SourceId { get; }

    /// <summary>Whether the source can resume from a saved <see cref="SourceState"/>.</summary>
    bool SupportsIncremental { get; }

    /// <summary>Opens the source.</summary>
    /// <exception cref="ConnectionFailedException">The source cannot be opened.</exception>
    ValueTask ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the schema of the rows (declared, or inferred from the data).</summary>
    ValueTask<Schema> GetSchemaAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the rows in batches, from the position set by <see cref="SetState"/> if any.</summary>
    /// <exception cref="ReadException">The input cannot be read.</exception>
    IAsyncEnumerable<SourceBatch<T>> ReadAsync(ReadContext context, CancellationToken cancellationToken = default);

    /// <summary>The position after the last batch read.</summary>
    SourceState GetState();

    /// <summary>Sets the position to resume from, before reading.</summary>
    void SetState(SourceState state);

    /// <summary>Closes the source and releases its resources.</summary>
    ValueTask CloseAsync(CancellationToken cancellationToken = default);
}
