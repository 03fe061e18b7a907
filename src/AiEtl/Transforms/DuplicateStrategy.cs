namespace AiEtl;

/// <summary>Which row of a key the <c>deduplicator</c> keeps; the seed's <c>strategy</c>.</summary>
public enum DuplicateStrategy
{
    /// <summary>The first row of each key; later ones are dropped. It remembers every key seen (see <see cref="DeduplicatorOptions.MaxKeys"/>).</summary>
    KeepFirst,

    /// <summary>
    /// The last row of each key. Within a batch it keeps the last row of each key; across batches the destination's
    /// merge on the same key replaces the earlier row, so a run with this strategy needs a destination that merges
    /// (<see cref="WriteMode.Merge"/>) on a primary key equal to the deduplicator's key, and is refused otherwise.
    /// It remembers no keys.
    /// </summary>
    KeepLast,
}
