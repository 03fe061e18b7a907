namespace AiEtl;

/// <summary>
/// What differs between the columns an existing file has and the fields the rows bring, in words a person can act on:
/// the fields the file lacks, the columns the schema lacks, or the same names in another order.
/// </summary>
internal static class ColumnDifference
{
    /// <summary>The difference, or <see langword="null"/> when the file has the fields (in their order when <paramref name="orderMatters"/>).</summary>
    public static string? Describe(IReadOnlyList<string> existing, IReadOnlyList<string> expected, bool orderMatters)
    {
        var missing = expected.Except(existing, StringComparer.Ordinal).ToList();
        var extra = existing.Except(expected, StringComparer.Ordinal).ToList();
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add("the file lacks " + Names(missing));
        }

        if (extra.Count > 0)
        {
            parts.Add("the schema lacks " + Names(extra));
        }

        if (parts.Count == 0 && existing.Count != expected.Count)
        {
            parts.Add("a column is repeated");
        }

        if (parts.Count == 0 && orderMatters && !existing.SequenceEqual(expected, StringComparer.Ordinal))
        {
            parts.Add("the same columns are in another order (" + string.Join(", ", existing) + ")");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string Names(List<string> names) => (names.Count == 1 ? "the column " : "the columns ") + string.Join(", ", names.Select(n => "'" + n + "'"));
}
