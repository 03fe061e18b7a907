namespace AiEtl;

/// <summary>
/// A source or destination with warnings about its configuration that do not stop a run (a literal
/// password, say). The pipeline adds them to <see cref="PipelineResult.Warnings"/>.
/// </summary>
public interface IReportsWarnings
{
    /// <summary>The warnings.</summary>
    IReadOnlyList<string> Warnings { get; }
}
