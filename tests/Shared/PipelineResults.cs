namespace AiEtl.Testing;

/// <summary>What the tests say about a run when an assertion on it fails.</summary>
internal static class PipelineResults
{
    /// <summary>The run's errors, each with its stage, for an assertion message.</summary>
    public static string Describe(this PipelineResult result) =>
        result.Errors.Count == 0 ? "no errors" : string.Join("; ", result.Errors.Select(e => $"[{e.Stage}] {e.Message}"));
}
