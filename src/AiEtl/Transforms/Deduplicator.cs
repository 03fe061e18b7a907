namespace AiEtl;

/// <summary>
/// Drops duplicate rows, keeping the first of each key (the <c>keep_first</c> strategy): drops every row whose key was seen
/// before in this run. Streaming, so it remembers one key per distinct row (memory grows with the
/// number of distinct keys, not with row size).
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TKey">The key type, such as the primary key or a tuple of fields.</typeparam>
public sealed class Deduplicator<T, TKey> : Transform<T>
    where TKey : notnull
{
    private readonly Func<T, TKey> _key;
    private readonly HashSet<TKey> _seen;

    /// <summary>Creates a deduplicator on the key <paramref name="key"/> selects.</summary>
    public Deduplicator(Func<T, TKey> key, IEqualityComparer<TKey>? comparer = null)
    {
        _key = key ?? throw new ArgumentNullException(nameof(key));
        _seen = new HashSet<TKey>(comparer);
    }

    /// <inheritdoc />
    public override string Name => "deduplicator";

    /// <inheritdoc />
    public override bool Apply(ref T row) => _seen.Add(_key(row));
}
