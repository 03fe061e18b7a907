namespace AiEtl;

/// <summary>A destination that can merge rows on the schema's primary key (an upsert), so a later row of a key replaces an earlier one.</summary>
public interface IMergingDestination
{
    /// <summary>Whether this destination merges (its write mode is <see cref="WriteMode.Merge"/>).</summary>
    bool MergesOnPrimaryKey { get; }
}
