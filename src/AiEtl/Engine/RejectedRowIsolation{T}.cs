using AiEtl.Internal;

namespace AiEtl;

/// <summary>
/// Finds the rows a destination rejects in a batch, inside the open transaction: the batch is written between a
/// savepoint and its release; when it is rejected, the savepoint is rolled back and each half is tried the same
/// way, down to single rows. A rejected single row becomes a <see cref="RowError"/> naming its source position
/// and its key, with the database's reason. With <see cref="ErrorAction.Skip"/> the good rows stay in the
/// transaction and the rejected ones are kept for the dead-letter file; with <see cref="ErrorAction.Fail"/> the
/// first rejected row (in source order) stops the run. It only runs once a batch was rejected: the batches of a
/// transaction without a bad row are written as one, with no savepoint.
/// </summary>
internal sealed class RejectedRowIsolation<T>(IRowIsolatingDestination<T> destination, ErrorAction action, RowErrorCollector errors, string sourceId)
{
    /// <summary>Writes one batch of the unit's open transaction; returns how many of its rows were stored.</summary>
    public async ValueTask<int> WriteAsync(SourceBatch<T> batch, LoadUnit<T> unit, CancellationToken cancellationToken) =>
        await WriteRangeAsync(batch, 0, batch.Count, unit, cancellationToken).ConfigureAwait(false);

    private async ValueTask<int> WriteRangeAsync(SourceBatch<T> batch, int start, int count, LoadUnit<T> unit, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return 0;
        }

        await destination.SavepointAsync(cancellationToken).ConfigureAwait(false);
        DataRejectedException rejection;
        try
        {
            var written = await destination.WriteAsync(batch.Memory.Slice(start, count), cancellationToken).ConfigureAwait(false);
            await destination.ReleaseSavepointAsync(cancellationToken).ConfigureAwait(false);
            return written;
        }
        catch (DataRejectedException rejected)
        {
            rejection = rejected;
        }

        await destination.RollbackToSavepointAsync(cancellationToken).ConfigureAwait(false);
        if (count == 1)
        {
            Reject(batch, start, rejection, unit);
            return 0;
        }

        // Halves, in order: with Fail the first bad row found is the first in the source.
        var half = count / 2;
        var first = await WriteRangeAsync(batch, start, half, unit, cancellationToken).ConfigureAwait(false);
        return first + await WriteRangeAsync(batch, start + half, count - half, unit, cancellationToken).ConfigureAwait(false);
    }

    private void Reject(SourceBatch<T> batch, int index, DataRejectedException rejection, LoadUnit<T> unit)
    {
        var key = destination.DescribeKey(in batch.Rows[index]);
        var row = key is null ? "the row" : $"the row with {key}";
        var reason = rejection.Reason ?? rejection.Message;
        var location = (batch.LocationOf(index) ?? new DataLocation(sourceId)) with { ColumnName = rejection.Location?.ColumnName };
        var error = errors.Mask(new RowError(PipelineStage.Load, $"{row} was rejected by {destination.DestinationId}: {reason}")
        {
            Location = location,
            RecordId = key,
            RawInput = RawRow(in batch.Rows[index]),
            Exception = rejection,
        });
        if (action != ErrorAction.Skip)
        {
            throw new DataRejectedException(error.Message, error.Location, rejection) { Reason = reason };
        }

        unit.Rejected.Add(error);
    }

    // A dynamic row is kept as JSON, sensitive fields masked, as a validator's rejection keeps it, so the entry can be
    // replayed once the destination accepts it (aietl dlq replay); a typed row keeps its location and key only.
    private static string? RawRow(in T row) =>
        row is Record { Schema: { } schema } record ? RecordValidator.RawJson(record, schema) : null;
}
