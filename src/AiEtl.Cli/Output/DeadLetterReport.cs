using System.Text.Json;
using AiEtl.Cli.DeadLetters;

namespace AiEtl.Cli.Output;

/// <summary>
/// <c>aietl dlq show</c>: the entries of a dead-letter file counted by stage and by reason, then listed; read in one
/// pass that keeps the counts and the entries to list, not the file.
/// </summary>
internal static class DeadLetterReport
{
    public static void Write(DeadLetterFile file, bool json, int limit)
    {
        var summary = Summary.Of(file, limit);
        var reasons = summary.Reasons
            .Select(g => (g.Key.Stage, g.Key.ErrorType, g.Value.Count, g.Value.Example))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Stage, StringComparer.Ordinal).ToList();
        if (json)
        {
            WriteJson(file, summary, reasons);
            return;
        }

        var output = Console.Out;
        if (summary.Count == 0 && summary.UnreadableLines == 0)
        {
            output.WriteLine($"no dead-lettered rows ({file.Path})");
            return;
        }

        output.WriteLine($"{file.Path}: {summary.Count} dead-lettered row(s)" + (summary.UnreadableLines > 0 ? $", {summary.UnreadableLines} unreadable line(s)" : ""));
        output.WriteLine("by stage:");
        foreach (var (stage, count) in summary.Stages.OrderBy(g => StageOrder(g.Key)))
        {
            output.WriteLine($"  {stage,-10} {count,8}");
        }

        output.WriteLine("by reason:");
        foreach (var (stage, errorType, count, example) in reasons)
        {
            output.WriteLine($"  {count,8}  {stage,-10} {errorType}, e.g. {example}");
        }

        output.WriteLine("entries:");
        foreach (var entry in summary.Listed)
        {
            output.WriteLine($"  {entry.Location?.ToString() ?? "(no location)"}  {entry.Stage}: {entry.Reason}" + (entry.RecordId is { } key ? $"  [key {key}]" : ""));
        }

        if (summary.Count > limit)
        {
            output.WriteLine($"  ... and {summary.Count - limit} more (--limit 0 lists all)");
        }
    }

    private static void WriteJson(DeadLetterFile file, Summary summary, List<(string Stage, string ErrorType, int Count, string Example)> reasons)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout, JsonOutput.Options))
        {
            json.WriteStartObject();
            json.WriteString("dead_letter_path", file.Path);
            json.WriteNumber("count", summary.Count);
            json.WriteNumber("unreadable_lines", summary.UnreadableLines);
            json.WriteStartObject("by_stage");
            foreach (var (stage, count) in summary.Stages.OrderBy(g => StageOrder(g.Key)))
            {
                json.WriteNumber(stage, count);
            }

            json.WriteEndObject();
            json.WriteStartArray("by_reason");
            foreach (var (stage, errorType, count, example) in reasons)
            {
                json.WriteStartObject();
                json.WriteString("stage", stage);
                json.WriteString("error_type", errorType);
                json.WriteNumber("count", count);
                json.WriteString("example", example);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("entries");
            foreach (var entry in summary.Listed)
            {
                JsonOutput.WriteEntry(json, entry);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stdout.Write("\n"u8);
    }

    // The counts of one pass over the file, and its first entries to list.
    private sealed class Summary
    {
        public int Count { get; private set; }

        public int UnreadableLines { get; private set; }

        public Dictionary<string, int> Stages { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string Stage, string ErrorType), (int Count, string Example)> Reasons { get; } = [];

        public List<DeadLetterEntry> Listed { get; } = [];

        public static Summary Of(DeadLetterFile file, int limit)
        {
            var summary = new Summary();
            foreach (var line in file.ReadLines())
            {
                if (line.Entry is not { } entry)
                {
                    summary.UnreadableLines += line.Text.Length > 0 ? 1 : 0;
                    continue;
                }

                summary.Count++;
                summary.Stages[entry.Stage] = summary.Stages.GetValueOrDefault(entry.Stage) + 1;
                var reason = (entry.Stage, entry.ErrorType);
                summary.Reasons[reason] = summary.Reasons.TryGetValue(reason, out var seen) ? (seen.Count + 1, seen.Example) : (1, entry.Reason);
                if (summary.Listed.Count < limit)
                {
                    summary.Listed.Add(entry);
                }
            }

            return summary;
        }
    }

    private static int StageOrder(string stage) => stage switch { "extract" => 0, "transform" => 1, "load" => 2, _ => 3 };
}
