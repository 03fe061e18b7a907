namespace AiEtl.Cli.DeadLetters;

/// <summary>
/// Why a replayed row failed again, as the replay's own dead-letter entry said: what the rewritten entry needs and no
/// more (not the row, which the original entry keeps), so thousands of failures stay small.
/// </summary>
internal sealed record ReplayFailure(string Stage, string ErrorType, string Reason, int? Column, string? ColumnName)
{
    public static ReplayFailure Of(DeadLetterEntry failure) =>
        new(failure.Stage, failure.ErrorType, failure.Reason, failure.Location?.Column, failure.Location?.ColumnName);

    /// <summary>The reason at the entry's own location (the source's file and line), not the replay's temporary file.</summary>
    public string ReasonAt(DeadLetterEntry entry) =>
        entry.Location is { } original ? $"{original with { Column = Column, ColumnName = ColumnName }}: {Reason}" : Reason;
}
