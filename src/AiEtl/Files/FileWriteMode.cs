namespace AiEtl;

/// <summary>What a file destination does with an existing target (the seed's <c>mode</c>).</summary>
public enum FileWriteMode
{
    /// <summary>Replace the target with the rows of the run, atomically, when the run succeeds.</summary>
    Overwrite,

    /// <summary>Add the rows of the run to the end of the target, atomically, when the run succeeds.</summary>
    Append,
}
