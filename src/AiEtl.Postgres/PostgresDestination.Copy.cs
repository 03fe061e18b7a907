using AiEtl.Internal;
using Npgsql;
using NpgsqlTypes;

namespace AiEtl.Postgres;

// The rows: one binary COPY per transaction, encoded by PostgresCopyEncoder and sent through Npgsql's raw COPY stream.
public partial class PostgresDestination<T, TCodec>
{
    // Encoded rows are sent in writes of about this size.
    private const int FlushBytes = 64 * 1024;

    private NpgsqlRawCopyStream? _raw;
    private PostgresCopyBuffer? _buffer;
    private long _rowsInCopy;
    private NpgsqlDbType[] _types = [];

    /// <inheritdoc />
    /// <remarks>
    /// Inside a transaction the binary COPY stays open across calls and is completed by the commit, so a
    /// transaction of many batches costs one COPY (and, in merge mode, one staging table and one upsert).
    /// Rows the server rejects are then reported by the commit.
    /// </remarks>
    public override async ValueTask<int> WriteAsync(ReadOnlyMemory<T> rows, CancellationToken cancellationToken = default)
    {
        var schema = _schema ?? throw new InvalidOperationException("CreateSchemaAsync must run before WriteAsync");
        var buffer = _buffer!;
        var written = 0;
        var encoder = new PostgresCopyEncoder(buffer, _types);
        try
        {
            // Encoded here, sent in large asynchronous writes.
            var raw = _raw ?? await StartRawCopyAsync(cancellationToken).ConfigureAwait(false);
            var count = (short)schema.Fields.Count;
            while (written < rows.Length)
            {
                var span = rows.Span;
                for (; written < span.Length && buffer.Length < FlushBytes; written++)
                {
                    buffer.WriteInt16(count);
                    _codec.Write(in span[written], ref encoder);
                }

                await raw.WriteAsync(buffer.Written, cancellationToken).ConfigureAwait(false);
                buffer.Clear();
            }

            _rowsInCopy += written;
            if (_transaction is null)
            {
                // No transaction to end it: this call's rows are its own unit, as before.
                await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is NpgsqlException or InvalidCastException or OverflowException or FormatException or ArgumentException or IOException)
        {
            var failure = WriteError(error, written, encoder.Ordinal, _rowsInCopy + written);
            if (_transaction is null)
            {
                await CancelCopyAsync().ConfigureAwait(false);
            }

            throw failure;
        }

        return written;
    }

    /// <inheritdoc />
    /// <remarks>Always: every column type the destination writes is encoded by this library as binary COPY tuples.</remarks>
    public bool EncodesAhead => true;

    /// <summary>Encodes rows as binary COPY tuples, on any thread; the load stage sends them with <see cref="WriteEncodedAsync"/>.</summary>
    public EncodedRows Encode(ReadOnlySpan<T> rows)
    {
        var types = _types;
        var count = (short)(_schema ?? throw new InvalidOperationException("CreateSchemaAsync must run before Encode")).Fields.Count;
        using var buffer = new PostgresCopyBuffer();
        var encoder = new PostgresCopyEncoder(buffer, types);
        var written = 0;
        try
        {
            for (; written < rows.Length; written++)
            {
                buffer.WriteInt16(count);
                _codec.Write(in rows[written], ref encoder);
            }
        }
        catch (Exception error) when (error is InvalidCastException or OverflowException or FormatException or ArgumentException)
        {
            throw WriteError(error, written, encoder.Ordinal, rows.Length);
        }

        var encoded = new EncodedRows(rows.Length, buffer.Length);
        buffer.Written.Span.CopyTo(encoded.GetSpan(buffer.Length));
        encoded.Advance(buffer.Length);
        return encoded;
    }

    /// <inheritdoc />
    /// <remarks>Like <see cref="WriteAsync"/>, inside a transaction the COPY stays open across calls and is completed by the commit.</remarks>
    public async ValueTask<int> WriteEncodedAsync(EncodedRows rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var buffer = _buffer ?? throw new InvalidOperationException("CreateSchemaAsync must run before WriteEncodedAsync");
        try
        {
            var raw = _raw ?? await StartRawCopyAsync(cancellationToken).ConfigureAwait(false);
            if (buffer.Length > 0)
            {
                // The COPY header written when the COPY began.
                await raw.WriteAsync(buffer.Written, cancellationToken).ConfigureAwait(false);
                buffer.Clear();
            }

            await raw.WriteAsync(rows.Memory, cancellationToken).ConfigureAwait(false);
            _rowsInCopy += rows.Count;
            if (_transaction is null)
            {
                await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is NpgsqlException or IOException)
        {
            var failure = WriteError(error, 0, ordinal: long.MaxValue, _rowsInCopy + rows.Count);
            if (_transaction is null)
            {
                await CancelCopyAsync().ConfigureAwait(false);
            }

            throw failure;
        }

        return rows.Count;
    }

    // Rejected data (SQLSTATE classes 22 and 23, or a value this side cannot convert) is not retried; a lost connection is.
    private EtlException WriteError(Exception error, int row, long ordinal, long batchSize)
    {
        var column = _schema is { } schema && ordinal < schema.Fields.Count ? schema.Fields[(int)ordinal].Name : null;
        var detail = error switch
        {
            PostgresException postgres => postgres.MessageText + (postgres.Where is { } where ? $" ({where})" : "") + (postgres.Detail is { } more ? $": {more}" : ""),
            _ => error.Message,
        };

        // The server's words alone, for the error of one row: Npgsql's note that the detail was redacted says nothing about it.
        var reason = _connector.Mask(error switch
        {
            PostgresException postgres => postgres.MessageText + (postgres.Detail is { } more && !more.StartsWith("Detail redacted", StringComparison.Ordinal) ? $": {more}" : ""),
            _ => error.Message,
        });
        var lost = PostgresConnector.IsLost(_connection);
        var location = new DataLocation(_where) { ColumnName = lost || error is PostgresException ? null : column };
        if (lost)
        {
            return new WriteException(_connector.Mask($"the connection was lost while writing a batch of {batchSize} rows (will retry): {detail}"), location, error);
        }

        if (error is PostgresException rejected)
        {
            var message = _connector.Mask($"a batch of {batchSize} rows was rejected: {detail}");
            return rejected.SqlState.StartsWith("22", StringComparison.Ordinal) || rejected.SqlState.StartsWith("23", StringComparison.Ordinal)
                ? new DataRejectedException(message, location, error) { Reason = reason }
                : new WriteException(message, location, error);
        }

        return error is NpgsqlException
            ? new WriteException(_connector.Mask($"a batch of {batchSize} rows cannot be written: {detail}"), location, error)
            : new DataRejectedException(_connector.Mask($"row {row + 1} of the batch cannot be written: {detail}"), location, error) { Reason = reason };
    }

    // One COPY per transaction; in merge mode into a temporary table that the commit drops.
    private async ValueTask<NpgsqlRawCopyStream> StartRawCopyAsync(CancellationToken cancellationToken)
    {
        await CreateMergeStageAsync(cancellationToken).ConfigureAwait(false);
        _rowsInCopy = 0;
        _raw = await Connection.BeginRawBinaryCopyAsync(_copy, cancellationToken).ConfigureAwait(false);
        _buffer!.Clear();
        PostgresCopyEncoder.WriteHeader(_buffer);
        return _raw;
    }

    private async ValueTask FinishCopyAsync(CancellationToken cancellationToken)
    {
        if (_raw is not { } raw)
        {
            return;
        }

        // The trailer, then disposing the stream ends the COPY; the server reports rejected rows here.
        _raw = null;
        PostgresCopyEncoder.WriteTrailer(_buffer!);
        await raw.WriteAsync(_buffer!.Written, cancellationToken).ConfigureAwait(false);
        _buffer!.Clear();
        await raw.DisposeAsync().ConfigureAwait(false);
        await MergeStagedRowsAsync(cancellationToken).ConfigureAwait(false);
    }

    // Cancelling a raw COPY sends CopyFail: the server discards its rows.
    private async ValueTask CancelCopyAsync()
    {
        _buffer?.Clear();
        if (_raw is { } raw)
        {
            _raw = null;
            _rowsInCopy = 0;
            try
            {
                await raw.CancelAsync().ConfigureAwait(false);
                await raw.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception error) when (error is NpgsqlException or IOException or InvalidOperationException)
            {
                // A broken connection cannot take the cancellation; the server drops the transaction with it.
            }
        }
    }
}
