namespace AiEtl;

/// <summary>The seed's transformer statistics.</summary>
public sealed class TransformerStats
{
    /// <summary>Records given to the transform.</summary>
    public long RecordsProcessed { get; set; }

    /// <summary>Records the transform dropped.</summary>
    public long RecordsFiltered { get; set; }

    /// <summary>Records the transform changed.</summary>
    public long RecordsModified { get; set; }

    /// <summary>Records the transform failed on.</summary>
    public long Errors { get; set; }
}
