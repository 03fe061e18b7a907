namespace AiEtl;

/// <summary>
/// The <c>deduplicator</c> of dynamic <see cref="Record"/> rows on the fields named in its <c>key_fields</c>: the
/// key is a hash of those fields' values (a missing field counts as null).
/// </summary>
public sealed class RecordDeduplicator : Deduplicator<Record, UInt128>
{
    /// <summary>Creates the deduplicator on <paramref name="keyFields"/>, one or more field names.</summary>
    /// <exception cref="PipelineConfigurationException">No field is named.</exception>
    public RecordDeduplicator(IReadOnlyList<string> keyFields, DeduplicatorOptions? options = null)
        : base(row => KeyHash.OfFields(row, keyFields), (options ?? new DeduplicatorOptions()) with { KeyFields = RequireFields(keyFields) })
    {
    }

    private static IReadOnlyList<string> RequireFields(IReadOnlyList<string> keyFields) =>
        keyFields is { Count: > 0 } ? [.. keyFields] : throw new PipelineConfigurationException("deduplicator: key_fields names no field; name one or more");
}
