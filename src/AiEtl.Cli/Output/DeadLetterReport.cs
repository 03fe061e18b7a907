using System.Text.Json;
using AiEtl.Cli.DeadLetters;

namespace AiEtl.Cli.Output;

/// <summary><c>aietl dlq show</c>: the entries of a dead-letter file counted by stage and by reason, then listed.</summary>
internal static class DeadLetterReport
{
    public static void Write(DeadLetterFile file, bool json, int limit)
    {
        var reasons = file.Entries
            .GroupBy(e => (e.Stage, e.ErrorType))
            .Select(g => (g.Key.Stage, g.Key.ErrorType, Count: g.Count(), Example: g.First().Reason))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Stage, StringComparer.Ordinal).ToList();
        if (json)
        {
            WriteJson(file, reasons, limit);
            return;
        }

        var output = Console.Out;
        if (file.Entries.Count == 0 && file.UnreadableLines == 0)
        {
            output.WriteLine($"no dead-lettered rows ({file.Path})");
            return;
        }

        output.WriteLine($"{file.Path}: {file.Entries.Count} dead-lettered row(s)" + (file.UnreadableLines > 0 ? $", {file.UnreadableLines} unreadable line(s)" : ""));
        output.WriteLine("by stage:");
        foreach (var stage in file.Entries.GroupBy(e => e.Stage).OrderBy(g => StageOrder(g.Key)))
        {
            output.WriteLine($"  {stage.Key,-10} {stage.Count(),8}");
        }

        output.WriteLine("by reason:");
        foreach (var (stage, errorType, count, example) in reasons)
        {
            output.WriteLine($"  {count,8}  {stage,-10} {errorType}, e.g. {example}");
        }

        output.WriteLine("entries:");
        foreach (var entry in file.Entries.Take(limit))
        {
            output.WriteLine($"  {entry.Location?.ToString() ?? "(no location)"}  {entry.Stage}: {entry.Reason}" + (entry.RecordId is { } key ? $"  [key {key}]" : ""));
        }

        if (file.Entries.Count > limit)
        {
            output.WriteLine($"  ... and {file.Entries.Count - limit} more (--limit 0 lists all)");
        }
    }

    private static void WriteJson(DeadLetterFile file, List<(string Stage, string ErrorType, int Count, string Example)> reasons, int limit)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout, JsonOutput.Options))
        {
            json.WriteStartObject();
            json.WriteString("dead_letter_path", file.Path);
            json.WriteNumber("count", file.Entries.Count);
            json.WriteNumber("unreadable_lines", file.UnreadableLines);
            json.WriteStartObject("by_stage");
            foreach (var stage in file.Entries.GroupBy(e => e.Stage).OrderBy(g => StageOrder(g.Key)))
            {
                json.WriteNumber(stage.Key, stage.Count());
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
            foreach (var entry in file.Entries.Take(limit))
            {
                JsonOutput.WriteEntry(json, entry);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stdout.Write("\n"u8);
    }

    private static int StageOrder(string stage) => stage switch { "extract" => 0, "transform" => 1, "load" => 2, _ => 3 };
}
