namespace AiEtl.Cli.DeadLetters;

/// <summary>
/// What a replay decided for each line of the dead-letter file, in a few bytes a line (never the entry's text): not an
/// entry, not replayable (with a reason, each distinct reason held once), or the n-th row of a <see cref="ReplayInput"/>
/// group. With the groups' results it gives each entry's outcome when the file is read again, in its order.
/// </summary>
internal sealed class ReplayPlan
{
    private const int NotAnEntry = -2;
    private const int Replayed = -1;

    private readonly List<Line> _lines = [];
    private readonly List<string> _reasons = [];
    private readonly Dictionary<string, int> _reasonIds = new(StringComparer.Ordinal);
    private readonly Dictionary<ReplayInput, ReplayGroupResult> _results = [];

    public int Entries { get; private set; }

    public void Other() => _lines.Add(new Line(ReplayInput.None, 0, NotAnEntry));

    public void NotReplayable(string reason)
    {
        if (!_reasonIds.TryGetValue(reason, out var id))
        {
            id = _reasons.Count;
            _reasons.Add(reason);
            _reasonIds.Add(reason, id);
        }

        _lines.Add(new Line(ReplayInput.None, 0, id));
        Entries++;
    }

    public void Replay(ReplayInput input, int index)
    {
        _lines.Add(new Line(input, index, Replayed));
        Entries++;
    }

    public void Finished(ReplayInput input, ReplayGroupResult result) => _results[input] = result;

    /// <summary>The outcome of the entry on line <paramref name="number"/> (1-based), or <see langword="null"/> for a line that is none.</summary>
    public ReplayOutcome? OutcomeOf(long number, DeadLetterEntry? entry, bool dryRun)
    {
        var line = _lines[(int)(number - 1)];
        if (entry is null || line.Reason == NotAnEntry)
        {
            return null;
        }

        if (line.Reason >= 0)
        {
            return new ReplayOutcome(entry, ReplayOutcomeKind.NotReplayable, _reasons[line.Reason]);
        }

        if (dryRun)
        {
            return new ReplayOutcome(entry, ReplayOutcomeKind.WouldReplay, null);
        }

        var result = _results.GetValueOrDefault(line.Input) ?? ReplayGroupResult.Kept("the replay was cancelled");
        return result.KeptReason is { } kept ? new ReplayOutcome(entry, ReplayOutcomeKind.Kept, kept)
            : result.Failures.TryGetValue(line.Index, out var failure) ? new ReplayOutcome(entry, ReplayOutcomeKind.FailedAgain, failure.ReasonAt(entry), failure)
            : new ReplayOutcome(entry, ReplayOutcomeKind.Loaded, null);
    }

    /// <summary>How many entries end with each outcome, known before the file is read again.</summary>
    public Dictionary<ReplayOutcomeKind, int> Counts(bool dryRun)
    {
        var counts = Enum.GetValues<ReplayOutcomeKind>().ToDictionary(k => k, _ => 0);
        foreach (var line in _lines)
        {
            if (line.Reason == NotAnEntry)
            {
                continue;
            }

            var result = _results.GetValueOrDefault(line.Input);
            var kind = line.Reason >= 0 ? ReplayOutcomeKind.NotReplayable
                : dryRun ? ReplayOutcomeKind.WouldReplay
                : result?.KeptReason is not null || result is null ? ReplayOutcomeKind.Kept
                : result.Failures.ContainsKey(line.Index) ? ReplayOutcomeKind.FailedAgain
                : ReplayOutcomeKind.Loaded;
            counts[kind]++;
        }

        return counts;
    }

    private readonly record struct Line(ReplayInput Input, int Index, int Reason);
}
