namespace AiEtl;

/// <summary>How the pipeline runs (<c>execution</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ExecutionAttribute : Attribute
{
    /// <summary>Rows per batch.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>How many batches the transform stage works on at once.</summary>
    public int MaxWorkers { get; set; } = 4;

    /// <summary>Batches per destination transaction and checkpoint; not set: the destination's default (PostgreSQL 10, the others 1).</summary>
    public int CommitEvery { get; set; }

    /// <summary>How long a run may take; 0 for no limit.</summary>
    public double TimeoutSeconds { get; set; }
}
