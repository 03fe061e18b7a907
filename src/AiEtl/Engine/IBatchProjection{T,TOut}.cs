namespace AiEtl;

/// <summary>
/// The last step of the transform stage: turns each transformed batch into the batch the destination loads. A plain
/// pipeline loads the rows it read (<see cref="SameRows{T}"/>); one built with <see cref="PipelineBuilder{T}.Select"/>
/// projects them into another record type (<see cref="Projection{T, TOut}"/>). Called for one batch at a time, in order.
/// </summary>
/// <typeparam name="T">The rows read and transformed.</typeparam>
/// <typeparam name="TOut">The rows loaded.</typeparam>
internal interface IBatchProjection<T, TOut>
{
    /// <summary>How many rows the steps after the projection dropped, for the result.</summary>
    long RecordsFiltered { get; }

    /// <summary>The schema of the rows loaded, given that of the transformed rows: what the destination is made for.</summary>
    Schema OutputSchema(Schema input);

    /// <summary>The batch to load, with the position, checkpoint and transform deltas of <paramref name="batch"/>, which must not be used afterwards unless it is the one returned.</summary>
    ValueTask<SourceBatch<TOut>> ProjectAsync(SourceBatch<T> batch, IRowErrorSink errors, CancellationToken cancellationToken);
}
