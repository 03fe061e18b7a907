using System.Text;
using System.Text.Json;

namespace AiEtl.IntegrationTests.Crash;

/// <summary>
/// Compares what a destination holds with the oracle as multisets of whole rows, and the dead-letter file with the
/// bad lines of the input; says how many rows were lost, doubled or foreign, with a few of each.
/// </summary>
internal static class RowComparison
{
    private const int Examples = 3;

    /// <returns><see langword="null"/> when the rows are exactly the oracle's.</returns>
    public static string? Rows(IReadOnlyList<CustomerRow> expected, IReadOnlyList<CustomerRow> actual)
    {
        var want = Count(expected);
        var have = Count(actual);
        var lost = new List<string>();
        var doubled = new List<string>();
        var foreign = new List<string>();
        long lostRows = 0, doubledRows = 0, foreignRows = 0;
        foreach (var (key, count) in want)
        {
            var held = have.GetValueOrDefault(key);
            if (held < count)
            {
                lostRows += count - held;
                Add(lost, key);
            }
            else if (held > count)
            {
                doubledRows += held - count;
                Add(doubled, $"{key} x{held}");
            }
        }

        foreach (var (key, count) in have)
        {
            if (!want.ContainsKey(key))
            {
                foreignRows += count;
                Add(foreign, key);
            }
        }

        if (lostRows + doubledRows + foreignRows == 0)
        {
            return null;
        }

        var message = new StringBuilder($"{actual.Count} rows instead of {expected.Count}: {lostRows} lost, {doubledRows} doubled, {foreignRows} foreign");
        Append(message, "lost", lost);
        Append(message, "doubled", doubled);
        Append(message, "foreign", foreign);
        return message.ToString();
    }

    /// <returns><see langword="null"/> when the file holds each bad line once and nothing else.</returns>
    public static string? DeadLetters(string path, IReadOnlySet<long> badLines)
    {
        var lines = File.Exists(path)
            ? File.ReadLines(path).Select(entry => JsonDocument.Parse(entry).RootElement.GetProperty("location").GetProperty("line").GetInt64()).ToList()
            : [];
        var twice = lines.GroupBy(line => line).Where(g => g.Count() > 1).Select(g => $"line {g.Key} x{g.Count()}").ToList();
        var missing = badLines.Except(lines).Order().ToList();
        var extra = lines.Except(badLines).Distinct().Order().ToList();
        if (lines.Count == badLines.Count && twice.Count == 0 && missing.Count == 0 && extra.Count == 0)
        {
            return null;
        }

        var message = new StringBuilder($"the dead-letter file holds {lines.Count} entries instead of {badLines.Count}: {twice.Count} lines more than once, {missing.Count} missing, {extra.Count} not bad");
        Append(message, "more than once", [.. twice.Take(Examples)]);
        Append(message, "missing", [.. missing.Take(Examples).Select(l => $"line {l}")]);
        Append(message, "not bad", [.. extra.Take(Examples).Select(l => $"line {l}")]);
        return message.ToString();
    }

    private static Dictionary<string, int> Count(IReadOnlyList<CustomerRow> rows)
    {
        var counts = new Dictionary<string, int>(rows.Count);
        foreach (var row in rows)
        {
            counts[row.Key] = counts.GetValueOrDefault(row.Key) + 1;
        }

        return counts;
    }

    private static void Add(List<string> examples, string example)
    {
        if (examples.Count < Examples)
        {
            examples.Add(example);
        }
    }

    private static void Append(StringBuilder message, string what, List<string> examples)
    {
        if (examples.Count > 0)
        {
            message.Append($"; {what}, e.g. {string.Join(", ", examples)}");
        }
    }
}
