namespace AiEtl.Assist;

/// <summary>
/// Pairs a file's columns with a record's fields by name alone, ignoring case, underscores, dashes, spaces and camel
/// case (<c>Customer_ID</c>, <c>customerId</c> and <c>customer-id</c> are one name), before any model is asked.
/// </summary>
public static class ColumnNameMatch
{
    /// <summary>The name with only its letters and digits, lower case.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));
    }

    /// <summary>Each column whose normalized name is a field's, with that field; a field is used once, a column once.</summary>
    public static IReadOnlyList<(string Column, string Field)> Match(IReadOnlyList<string> columns, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(fields);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            byName.TryAdd(Normalize(field), field);
        }

        var pairs = new List<(string, string)>();
        foreach (var column in columns)
        {
            if (byName.Remove(Normalize(column), out var field))
            {
                pairs.Add((column, field));
            }
        }

        return pairs;
    }
}
