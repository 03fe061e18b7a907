using System.Text.Json;
using AiEtl.Cli.DeadLetters;

namespace AiEtl.Cli.Output;

/// <summary><c>aietl dlq replay</c>: how many entries loaded, failed again or were kept, and why for each that stays.</summary>
internal static class ReplayReport
{
    public static void Write(DeadLetterFile file, IReadOnlyList<ReplayOutcome> outcomes, bool dryRun, bool json)
    {
        var ordered = outcomes.OrderBy(o => o.Entry.FileLine).ToList();
        if (json)
        {
            WriteJson(file, ordered, dryRun);
            return;
        }

        var output = Console.Out;
        if (ordered.Count == 0)
        {
            output.WriteLine($"no dead-lettered rows ({file.Path})");
            return;
        }

        output.WriteLine(dryRun
            ? $"{file.Path}: {Entries(ordered.Count)} (dry run: nothing is loaded or changed)"
            : $"{file.Path}: {Entries(ordered.Count)}");
        foreach (var kind in Enum.GetValues<ReplayOutcomeKind>())
        {
            if (ordered.Count(o => o.Kind == kind) is var count and > 0)
            {
                output.WriteLine($"  {Label(kind),-16} {count,8}  {Effect(kind)}");
            }
        }

        foreach (var outcome in ordered.Where(o => o.Kind is not (ReplayOutcomeKind.Loaded or ReplayOutcomeKind.WouldReplay)))
        {
            var where = outcome.Entry.Location?.ToString() ?? $"{file.Path}({outcome.Entry.FileLine})";
            output.WriteLine(outcome.Kind == ReplayOutcomeKind.FailedAgain
                ? $"  {Label(outcome.Kind)} ({outcome.Failure?.Stage}): {outcome.Reason}"
                : $"  {Label(outcome.Kind)}: {where} ({outcome.Entry.Stage}): {outcome.Reason}");
        }

        if (!dryRun)
        {
            var left = ordered.Count(o => o.Kind != ReplayOutcomeKind.Loaded);
            output.WriteLine(left == 0 ? $"{file.Path}: every row loaded; the file is removed" : $"{file.Path}: {Entries(left)} left");
        }
    }

    private static void WriteJson(DeadLetterFile file, List<ReplayOutcome> outcomes, bool dryRun)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout, JsonOutput.Options))
        {
            json.WriteStartObject();
            json.WriteString("dead_letter_path", file.Path);
            json.WriteBoolean("dry_run", dryRun);
            json.WriteNumber("entries", outcomes.Count);
            foreach (var kind in Enum.GetValues<ReplayOutcomeKind>())
            {
                json.WriteNumber(Name(kind), outcomes.Count(o => o.Kind == kind));
            }

            json.WriteNumber("remaining", dryRun ? outcomes.Count : outcomes.Count(o => o.Kind != ReplayOutcomeKind.Loaded));
            json.WriteStartArray("outcomes");
            foreach (var outcome in outcomes)
            {
                JsonOutput.WriteEntry(json, outcome.Entry);
                json.WriteString("outcome", Name(outcome.Kind));
                if (outcome.Failure is { } failure)
                {
                    json.WriteString("replay_stage", failure.Stage);
                    json.WriteString("replay_error_type", failure.ErrorType);
                }

                if (outcome.Reason is { } reason)
                {
                    json.WriteString("outcome_reason", reason);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stdout.Write("\n"u8);
    }

    private static string Entries(int count) => count == 1 ? "1 entry" : $"{count} entries";

    private static string Label(ReplayOutcomeKind kind) => kind switch
    {
        ReplayOutcomeKind.Loaded => "loaded",
        ReplayOutcomeKind.FailedAgain => "failed again",
        ReplayOutcomeKind.NotReplayable => "not replayable",
        ReplayOutcomeKind.Kept => "kept",
        _ => "would replay",
    };

    private static string Name(ReplayOutcomeKind kind) => Label(kind).Replace(' ', '_');

    private static string Effect(ReplayOutcomeKind kind) => kind switch
    {
        ReplayOutcomeKind.Loaded => "removed from the file",
        ReplayOutcomeKind.FailedAgain => "kept, with the new reason",
        ReplayOutcomeKind.NotReplayable => "kept as they are",
        ReplayOutcomeKind.Kept => "kept: their replay did not finish",
        _ => "through the transforms and the destination",
    };
}
