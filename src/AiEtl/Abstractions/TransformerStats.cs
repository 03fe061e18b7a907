namespace AiEtl;

/// <summary>What a transform did to the rows it was given: processed, filtered, modified, failed.</summary>
/// <remarks>Counted atomically, so a transform may run on several batches at once (<see cref="Transform{T}.IsConcurrencySafe"/>).</remarks>
public sealed class TransformerStats
{
    private long _processed;
    private long _filtered;
    private long _modified;
    private long _errors;

    /// <summary>Records given to the transform.</summary>
    public long RecordsProcessed
    {
        get => Interlocked.Read(ref _processed);
        set => Interlocked.Exchange(ref _processed, value);
    }

    /// <summary>Records the transform dropped.</summary>
    public long RecordsFiltered
    {
        get => Interlocked.Read(ref _filtered);
        set => Interlocked.Exchange(ref _filtered, value);
    }

    /// <summary>Records the transform changed; counted by transforms that call <c>CountModified</c> (see <see cref="Transform{T}"/>).</summary>
    public long RecordsModified
    {
        get => Interlocked.Read(ref _modified);
        set => Interlocked.Exchange(ref _modified, value);
    }

    /// <summary>Records the transform failed on.</summary>
    public long Errors
    {
        get => Interlocked.Read(ref _errors);
        set => Interlocked.Exchange(ref _errors, value);
    }

    internal void Add(long processed, long filtered, long errors)
    {
        Interlocked.Add(ref _processed, processed);
        Interlocked.Add(ref _filtered, filtered);
        Interlocked.Add(ref _errors, errors);
    }

    internal void AddModified() => Interlocked.Increment(ref _modified);
}
