namespace AiEtl.Cli.DeadLetters;

/// <summary>
/// What the replay of one <see cref="ReplayInput"/>'s entries did: every entry kept (the run did not finish, with the
/// reason), or the entries that failed again, by their index in the group; the others loaded.
/// </summary>
internal sealed record ReplayGroupResult(string? KeptReason, IReadOnlyDictionary<int, ReplayFailure> Failures)
{
    public static ReplayGroupResult Kept(string reason) => new(reason, new Dictionary<int, ReplayFailure>());
}
