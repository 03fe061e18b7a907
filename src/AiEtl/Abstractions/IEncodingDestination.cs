using System.ComponentModel;

namespace AiEtl.Internal;

/// <summary>
/// A destination that can format batches into their stored form on any thread, ahead of loading. When
/// <see cref="EncodesAhead"/> is true the engine encodes each batch on the thread pool as it leaves the
/// transform stage, several at once, and the load stage only appends the encoded batches in order, so
/// formatting is not bound to the load thread (file destinations: a JSON or CSV writer is most of the
/// cost of writing a file).
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <remarks>For AiEtl's adapters and generated code, which is why it is public; it is not part of the supported API and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IEncodingDestination<T> : IDestination<T>
{
    /// <summary>Whether batches are to be encoded ahead; false when formatting depends on state kept between batches.</summary>
    bool EncodesAhead { get; }

    /// <summary>Formats rows. Called on any thread, for several batches at once; it must not depend on the rows written before.</summary>
    /// <exception cref="WriteException">A row cannot be formatted.</exception>
    EncodedRows Encode(ReadOnlySpan<T> rows);

    /// <summary>Writes encoded rows in the open transaction, as <see cref="IDestination{T}.WriteAsync"/> writes rows.</summary>
    /// <returns>How many rows were written.</returns>
    ValueTask<int> WriteEncodedAsync(EncodedRows rows, CancellationToken cancellationToken = default);
}
