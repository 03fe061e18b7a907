namespace AiEtl;

/// <summary>The file that keeps the pipeline's state (<c>source.state_file</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StateFileAttribute : Attribute
{
    /// <summary>Keeps the state in <paramref name="path"/>.</summary>
    /// <param name="path">The state file.</param>
    public StateFileAttribute(string path)
    {
        Path = path;
    }

    /// <summary>The state file.</summary>
    public string Path { get; }
}
