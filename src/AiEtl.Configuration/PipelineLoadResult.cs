using System.Collections.Generic;
using AiEtl.Configuration.Diagnostics;
using AiEtl.Configuration.Model;

namespace AiEtl.Configuration;

/// <summary>What loading a pipeline file gave: every diagnostic, and the model when there was no error.</summary>
public sealed class PipelineLoadResult
{
    internal PipelineLoadResult(PipelineConfiguration? configuration, IReadOnlyList<ConfigDiagnostic> diagnostics)
    {
        Configuration = configuration;
        Diagnostics = diagnostics;
    }

    /// <summary>The validated pipeline, or <see langword="null"/> when an error was found.</summary>
    public PipelineConfiguration? Configuration { get; }

    /// <summary>Every problem found, in the order found (errors and warnings).</summary>
    public IReadOnlyList<ConfigDiagnostic> Diagnostics { get; }

    /// <summary>Whether an error was found (warnings do not count).</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.Severity == ConfigSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
