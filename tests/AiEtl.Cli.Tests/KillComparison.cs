using System.Text.Json;

namespace AiEtl.Cli.Tests;

/// <summary>
/// Compares what a destination holds with the oracle as multisets of whole rows, and the dead-letter file with the
/// input's bad lines. After a completed run both must be exact; after a stopped one, consistent: a part of the oracle,
/// nothing doubled or foreign (what is missing, the rerun loads).
/// </summary>
internal static class KillComparison
{
    private const int Examples = 3;

    /// <returns><see langword="null"/> when the rows agree with the oracle; else how many were lost, doubled or foreign, with a few of each.</returns>
    public static string? Rows(IReadOnlyList<KillRow> expected, IReadOnlyList<KillRow> actual, bool complete)
    {
        var want = expected.CountBy(row => row).ToDictionary();
        var have = actual.CountBy(row => row).ToDictionary();
        var lost = complete ? want.Where(w => have.GetValueOrDefault(w.Key) < w.Value).ToList() : [];
        var doubled = have.Where(h => want.TryGetValue(h.Key, out var count) && h.Value > count).ToList();
        var foreign = have.Where(h => !want.ContainsKey(h.Key)).ToList();
        if (lost.Count + doubled.Count + foreign.Count == 0)
        {
            return null;
        }

        return $"{actual.Count} rows, {expected.Count} expected: {lost.Sum(l => l.Value - have.GetValueOrDefault(l.Key))} lost, {doubled.Sum(d => d.Value - want[d.Key])} doubled, {foreign.Sum(f => f.Value)} foreign"
            + Describe("lost", lost.Select(l => l.Key.ToString()))
            + Describe("doubled", doubled.Select(d => $"{d.Key} x{d.Value}"))
            + Describe("foreign", foreign.Select(f => f.Key.ToString()));
    }

    /// <returns><see langword="null"/> when the dead-letter file holds bad lines only, each once (and every one when the run completed).</returns>
    public static string? DeadLetters(string path, IReadOnlySet<long> badLines, bool complete)
    {
        var lines = File.Exists(path)
            ? File.ReadLines(path).Select(entry =>
            {
                using var json = JsonDocument.Parse(entry);
                return json.RootElement.GetProperty("location").GetProperty("line").GetInt64();
            }).ToList()
            : [];
        var twice = lines.CountBy(line => line).Where(g => g.Value > 1).Select(g => $"line {g.Key} x{g.Value}").ToList();
        var missing = complete ? badLines.Except(lines).Order().Select(line => $"line {line}").ToList() : [];
        var notBad = lines.Except(badLines).Distinct().Order().Select(line => $"line {line}").ToList();
        if (twice.Count + missing.Count + notBad.Count == 0)
        {
            return null;
        }

        return $"the dead-letter file holds {lines.Count} entries, {badLines.Count} bad lines in the input: {twice.Count} more than once, {missing.Count} missing, {notBad.Count} not bad"
            + Describe("more than once", twice) + Describe("missing", missing) + Describe("not bad", notBad);
    }

    private static string Describe(string what, IEnumerable<string> examples) =>
        examples.Take(Examples).ToList() is { Count: > 0 } some ? $"; {what}, e.g. {string.Join(", ", some)}" : "";
}
