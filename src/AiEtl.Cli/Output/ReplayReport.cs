using System.Text;
using System.Text.Json;
using AiEtl.Cli.DeadLetters;

namespace AiEtl.Cli.Output;

/// <summary>
/// <c>aietl dlq replay</c>: how many entries loaded, failed again or were kept, and why for each that stays. Written as
/// the file is read again, an entry at a time, after the counts (known before): a report of a million entries is never
/// held whole.
/// </summary>
internal sealed class ReplayReport : IDisposable
{
    private readonly string _path;
    private readonly bool _dryRun;
    private readonly IReadOnlyDictionary<ReplayOutcomeKind, int> _counts;
    private readonly StreamWriter? _text;
    private readonly Utf8JsonWriter? _json;
    private readonly Stream _output;

    public ReplayReport(Stream output, string path, IReadOnlyDictionary<ReplayOutcomeKind, int> counts, bool dryRun, bool json)
    {
        (_output, _path, _counts, _dryRun) = (output, path, counts, dryRun);
        var total = counts.Values.Sum();
        if (json)
        {
            _json = new Utf8JsonWriter(output, JsonOutput.Options);
            _json.WriteStartObject();
            _json.WriteString("dead_letter_path", path);
            _json.WriteBoolean("dry_run", dryRun);
            _json.WriteNumber("entries", total);
            foreach (var kind in Enum.GetValues<ReplayOutcomeKind>())
            {
                _json.WriteNumber(Name(kind), counts[kind]);
            }

            _json.WriteNumber("remaining", dryRun ? total : total - counts[ReplayOutcomeKind.Loaded]);
            _json.WriteStartArray("outcomes");
            return;
        }

        _text = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        if (total == 0)
        {
            _text.WriteLine($"no dead-lettered rows ({path})");
            return;
        }

        _text.WriteLine(dryRun ? $"{path}: {Entries(total)} (dry run: nothing is loaded or changed)" : $"{path}: {Entries(total)}");
        foreach (var kind in Enum.GetValues<ReplayOutcomeKind>())
        {
            if (counts[kind] is var count and > 0)
            {
                _text.WriteLine($"  {Label(kind),-16} {count,8}  {Effect(kind)}");
            }
        }
    }

    /// <summary>A report of a file without entries.</summary>
    public static void WriteEmpty(string path, bool dryRun, bool json)
    {
        using var stdout = Console.OpenStandardOutput();
        using var report = new ReplayReport(stdout, path, Enum.GetValues<ReplayOutcomeKind>().ToDictionary(k => k, _ => 0), dryRun, json);
    }

    /// <summary>The next entry's outcome, in the file's order.</summary>
    public void Add(ReplayOutcome outcome)
    {
        if (_json is { } json)
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
            if (json.BytesPending > 64 * 1024)
            {
                json.Flush();
            }

            return;
        }

        if (outcome.Kind is not (ReplayOutcomeKind.Loaded or ReplayOutcomeKind.WouldReplay))
        {
            var where = outcome.Entry.Location?.ToString() ?? $"{_path}({outcome.Entry.FileLine})";
            _text!.WriteLine(outcome.Kind == ReplayOutcomeKind.FailedAgain
                ? $"  {Label(outcome.Kind)} ({outcome.Failure?.Stage}): {outcome.Reason}"
                : $"  {Label(outcome.Kind)}: {where} ({outcome.Entry.Stage}): {outcome.Reason}");
        }
    }

    public void Dispose()
    {
        if (_json is { } json)
        {
            json.WriteEndArray();
            json.WriteEndObject();
            json.Dispose();
            _output.Write("\n"u8);
            return;
        }

        var total = _counts.Values.Sum();
        if (!_dryRun && total > 0)
        {
            var left = total - _counts[ReplayOutcomeKind.Loaded];
            _text!.WriteLine(left == 0 ? $"{_path}: every row loaded; the file is removed" : $"{_path}: {Entries(left)} left");
        }

        _text!.Dispose();
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
