namespace AiEtl.Cli.DeadLetters;

/// <summary>What a replay did with one entry.</summary>
internal enum ReplayOutcomeKind
{
    /// <summary>The row loaded (or a transform dropped it, as a run would): the entry is removed.</summary>
    Loaded,

    /// <summary>The row failed again: the entry stays, with the new reason.</summary>
    FailedAgain,

    /// <summary>The entry cannot be replayed (its row is masked or not stored): it stays as it is.</summary>
    NotReplayable,

    /// <summary>The replay of its rows stopped (a lost connection, Ctrl+C) before it was known which loaded: it stays as it is.</summary>
    Kept,

    /// <summary>A dry run: the entry would be replayed.</summary>
    WouldReplay,
}

/// <summary>One entry's outcome, with the reason for any but <see cref="ReplayOutcomeKind.Loaded"/>, and the replay's own entry for a row that failed again.</summary>
internal sealed record ReplayOutcome(DeadLetterEntry Entry, ReplayOutcomeKind Kind, string? Reason, ReplayFailure? Failure = null);
