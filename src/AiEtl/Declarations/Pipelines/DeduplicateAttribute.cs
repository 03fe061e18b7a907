namespace AiEtl;

/// <summary>A <c>deduplicator</c>: the first row of each key is kept (or the last, with a merging destination).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class DeduplicateAttribute : Attribute
{
    /// <summary>Drops rows whose <paramref name="keyFields"/> repeat an earlier row's.</summary>
    /// <param name="keyFields">The fields of the key.</param>
    public DeduplicateAttribute(params string[] keyFields)
    {
        KeyFields = keyFields;
    }

    /// <summary>The fields of the key.</summary>
    public string[] KeyFields { get; }

    /// <summary>Keep the last row of each key instead of the first.</summary>
    public bool KeepLast { get; set; }
}
