using System.Buffers;
using System.Runtime.CompilerServices;
using AiEtl.Internal;

namespace AiEtl;

/// <summary>
/// A batch of rows read from a source, in a pooled array, with the source position after its last
/// row. The engine saves that position as the checkpoint once the destination committed the batch.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed class SourceBatch<T>
{
    private T[] _rows;

    // Where each row came from, parallel to the rows; only sources that know it fill it (a load error names the row by it).
    private RowPosition[]? _positions;

    /// <summary>Creates an empty batch with room for <paramref name="capacity"/> rows.</summary>
    public SourceBatch(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _rows = ArrayPool<T>.Shared.Rent(capacity);
    }

    /// <summary>How many rows the batch holds.</summary>
    public int Count { get; private set; }

    /// <summary>How many rows the batch can hold without growing.</summary>
    public int Capacity => _rows.Length;

    /// <summary>How many input records the batch covers, bad ones included.</summary>
    public int RecordsRead { get; set; }

    /// <summary>The source position after the last record of this batch.</summary>
    public SourceState? StateAfter { get; set; }

    /// <summary>The rows.</summary>
    public Span<T> Rows => _rows.AsSpan(0, Count);

    /// <summary>The rows, for asynchronous writers.</summary>
    public ReadOnlyMemory<T> Memory => _rows.AsMemory(0, Count);

    /// <summary>What the resumable transforms learnt from this batch, by transform, to commit with its rows.</summary>
    internal Dictionary<string, byte[]>? TransformDeltas { get; set; }

    /// <summary>The file or table the rows' positions refer to, when the source records positions.</summary>
    internal string? PositionSource { get; set; }

    /// <summary>The rows being encoded ahead by an <see cref="IEncodingDestination{T}"/>, if they are.</summary>
    internal Task<EncodedRows>? Encoded { get; set; }

    /// <summary>Adds a row.</summary>
    public void Add(T row)
    {
        if (Count == _rows.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(_rows.Length * 2);
            Rows.CopyTo(larger);
            ReturnArray();
            _rows = larger;
        }

        _rows[Count++] = row;
    }

    /// <summary>Adds a row with where it is in the source: its first line in a text file (0 when it has no lines) and its 1-based record number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Add(T row, long line, long number)
    {
        Add(row);
        if (_positions is null || _positions.Length < _rows.Length)
        {
            var larger = ArrayPool<RowPosition>.Shared.Rent(_rows.Length);
            _positions?.AsSpan(0, Count - 1).CopyTo(larger);
            ReturnPositions();
            _positions = larger;
        }

        _positions[Count - 1] = new RowPosition(line, number);
    }

    /// <summary>Keeps row <paramref name="from"/>'s position for the row moved to <paramref name="to"/> (a transform compacting the kept rows).</summary>
    internal void MovePosition(int from, int to)
    {
        if (_positions is { } positions)
        {
            positions[to] = positions[from];
        }
    }

    /// <summary>Where row <paramref name="index"/> is in the source, or <see langword="null"/> when the source did not say.</summary>
    internal DataLocation? LocationOf(int index)
    {
        if (_positions is null || PositionSource is null || _positions[index] is not { Number: > 0 } position)
        {
            return null;
        }

        return new DataLocation(PositionSource) { Line = position.Line > 0 ? position.Line : null, Row = position.Number };
    }

    /// <summary>
    /// Takes over what <paramref name="from"/> knows besides its rows (records read, position after, transform deltas,
    /// the positions of its rows), for a batch that holds <paramref name="from"/>'s rows projected one to one into
    /// another type (<see cref="PipelineBuilder{T}.Select"/>); <paramref name="from"/> keeps only its rows.
    /// </summary>
    internal void TakeOverFrom<TFrom>(SourceBatch<TFrom> from)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(Count, from.Count);
        RecordsRead = from.RecordsRead;
        StateAfter = from.StateAfter;
        TransformDeltas = from.TransformDeltas;
        PositionSource = from.PositionSource;

        // Row i here is row i there, so the position array moves over as it is.
        ReturnPositions();
        _positions = from._positions;
        from._positions = null;
        from.TransformDeltas = null;
    }

    /// <summary>Keeps only the first <paramref name="count"/> rows (after a transform filtered some).</summary>
    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            _rows.AsSpan(count, Count - count).Clear();
        }

        Count = count;
    }

    /// <summary>Returns the array to the pool; the batch must not be used afterwards.</summary>
    public void Release()
    {
        if (Encoded is { } encoded)
        {
            // The rows must not go back to the pool while a thread pool task still formats them (a run stopped early).
            if (!encoded.IsCompleted)
            {
                ((IAsyncResult)encoded).AsyncWaitHandle.WaitOne();
            }

            if (encoded.IsCompletedSuccessfully)
            {
                encoded.Result.Dispose();
            }

            Encoded = null;
        }

        ReturnArray();
        ReturnPositions();
        _rows = [];
        Count = 0;
        TransformDeltas = null;
    }

    private void ReturnPositions()
    {
        if (_positions is not null)
        {
            ArrayPool<RowPosition>.Shared.Return(_positions);
            _positions = null;
        }
    }

    private void ReturnArray()
    {
        if (_rows.Length > 0)
        {
            ArrayPool<T>.Shared.Return(_rows, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }
}
