namespace AiEtl;

/// <summary>
/// The instants of a run that matter to crash safety, named so the kill harness (tests/AiEtl.CrashWriter) can
/// stop a real process exactly there. Costs one null check per instant when nothing listens.
/// </summary>
internal static class CrashPoints
{
    /// <summary>The rows and the checkpoint of a transaction are written; the destination has not committed.</summary>
    public const string BeforeCommit = "commit.before";

    /// <summary>The destination committed a transaction (rows and checkpoint); the state file mirror is not saved yet.</summary>
    public const string AfterCommit = "commit.after";

    /// <summary>Every batch is committed; the destination is about to publish the run (<see cref="ICompletableDestination.CompleteAsync"/>).</summary>
    public const string BeforePublish = "publish.before";

    /// <summary>A file destination finished its temp file and recorded the pending publication; the rename has not happened.</summary>
    public const string PublishPrepared = "publish.prepared";

    /// <summary>A file destination renamed its temp file over the target; the publication is not yet recorded as done.</summary>
    public const string PublishRenamed = "publish.renamed";

    /// <summary>The destination published the run; the state file mirror is not saved yet.</summary>
    public const string AfterPublish = "publish.after";

    /// <summary>The state file mirror was saved.</summary>
    public const string StateSaved = "state.saved";

    /// <summary>Called at each instant with its name; the kill harness sets it.</summary>
    public static Action<string>? Reached { get; set; }

    public static void Reach(string point) => Reached?.Invoke(point);
}
