namespace AiEtl;

/// <summary>What a transform did to the rows it was given: processed, filtered, modified, failed.</summary>
public sealed class TransformerStats
{
    /// <summary>Records given to the transform.</summary>
    public long RecordsProcessed { get; set; }

    /// <summary>Records the transform dropped.</summary>
    public long RecordsFiltered { get; set; }

    /// <summary>Records the transform changed; counted by transforms that call <c>CountModified</c> (see <see cref="Transform{T}"/>).</summary>
    public long RecordsModified { get; set; }

    /// <summary>Records the transform failed on.</summary>
    public long Errors { get; set; }
}
