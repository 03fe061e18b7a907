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
        Diagnostics = InFileOrder(diagnostics);
    }

    /// <summary>The validated pipeline, or <see langword="null"/> when an error was found.</summary>
    public PipelineConfiguration? Configuration { get; }

    /// <summary>Every problem found, in the order found (errors and warnings).</summary>
    public IReadOnlyList<ConfigDiagnostic> Diagnostics { get; }

    /// <summary>Sorts by file (in the order files were first reported), then line and column, as a compiler lists them; stable for equal positions.</summary>
    private static IReadOnlyList<ConfigDiagnostic> InFileOrder(IReadOnlyList<ConfigDiagnostic> diagnostics)
    {
        var files = new List<string>();
        var indexed = new List<(int File, int Index, ConfigDiagnostic Diagnostic)>();
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var file = files.IndexOf(diagnostics[i].FilePath);
            if (file < 0)
            {
                files.Add(diagnostics[i].FilePath);
                file = files.Count - 1;
            }

            indexed.Add((file, i, diagnostics[i]));
        }

        indexed.Sort((a, b) =>
        {
            var order = a.File.CompareTo(b.File);
            order = order != 0 ? order : a.Diagnostic.Position.Line.CompareTo(b.Diagnostic.Position.Line);
            order = order != 0 ? order : a.Diagnostic.Position.Column.CompareTo(b.Diagnostic.Position.Column);
            return order != 0 ? order : a.Index.CompareTo(b.Index);
        });
        var sorted = new List<ConfigDiagnostic>(indexed.Count);
        foreach (var item in indexed)
        {
            sorted.Add(item.Diagnostic);
        }

        return sorted;
    }

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
