namespace AiEtl;

/// <summary>
/// The source's null values, looked up by characters. Ordinal matches have equal lengths, so a value longer than every
/// null value (most of them) is refused without hashing it.
/// </summary>
internal readonly struct NullValues(HashSet<string> values)
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup = values.GetAlternateLookup<ReadOnlySpan<char>>();
    // Another comparer could match texts of other lengths: then every value is looked up.
    private readonly int _longest = !ReferenceEquals(values.Comparer, StringComparer.Ordinal) ? int.MaxValue : values.Count == 0 ? -1 : values.Max(v => v.Length);

    public bool Contains(ReadOnlySpan<char> value) => value.Length <= _longest && _lookup.Contains(value);
}
