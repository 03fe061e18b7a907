namespace AiEtl;

/// <summary>How the pipeline runs (<c>execution</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ExecutionAttribute : Attribute
{
    /// <summary>Rows per batch.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>How many batches the transform stage works on at once.</summary>
    public int MaxWorkers { get; set; } = 4;

    /// <summary>Batches per destination transaction and checkpoint.</summary>
    public int CommitEvery { get; set; } = 1;

    /// <summary>How long a run may take; 0 for no limit.</summary>
    public double TimeoutSeconds { get; set; }
}
