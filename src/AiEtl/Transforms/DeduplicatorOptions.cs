namespace AiEtl;

/// <summary>How the <c>deduplicator</c> chooses the row it keeps, and how much it may remember.</summary>
public sealed record DeduplicatorOptions
{
    /// <summary>The default bound on distinct keys: about 300 MB of key hashes.</summary>
    public const int DefaultMaxKeys = 10_000_000;

    /// <summary>Which row of each key is kept; <see cref="DuplicateStrategy.KeepFirst"/> by default.</summary>
    public DuplicateStrategy Strategy { get; init; }

    /// <summary>
    /// The most distinct keys <see cref="DuplicateStrategy.KeepFirst"/> remembers: each costs 21-43 bytes (a
    /// 16-byte hash in a set kept at most three quarters full) and up to twice that while the set grows. Past it the run fails with an error
    /// saying so, never dropping or letting through a duplicate silently. Raise it for larger inputs, or use
    /// <see cref="DuplicateStrategy.KeepLast"/> with a merging destination, which remembers nothing.
    /// </summary>
    public int MaxKeys { get; init; } = DefaultMaxKeys;

    /// <summary>
    /// The names of the key's fields, as in the schema; a <see cref="DuplicateStrategy.KeepLast"/> run checks them
    /// against the destination's primary key. Set by the name-based deduplicators; optional with a key selector.
    /// </summary>
    public IReadOnlyList<string>? KeyFields { get; init; }
}
