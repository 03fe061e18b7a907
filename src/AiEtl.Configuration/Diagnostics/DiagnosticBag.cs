using System.Collections.Generic;
using AiEtl.Configuration.Yaml;

namespace AiEtl.Configuration.Diagnostics;

/// <summary>Collects the diagnostics of one file, so that every problem is reported at once.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<ConfigDiagnostic> _items = [];

    public DiagnosticBag(string filePath)
    {
        FilePath = filePath;
    }

    public string FilePath { get; }

    public IReadOnlyList<ConfigDiagnostic> Items => _items;

    public bool HasErrors
    {
        get
        {
            foreach (var item in _items)
            {
                if (item.Severity == ConfigSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public void Report(ConfigDiagnosticDescriptor descriptor, YamlPosition position, string keyPath, params object?[] arguments) =>
        _items.Add(new ConfigDiagnostic(descriptor, FilePath, position, keyPath, descriptor.Format(arguments)));

    public void ReportIn(string filePath, ConfigDiagnosticDescriptor descriptor, YamlPosition position, string keyPath, params object?[] arguments) =>
        _items.Add(new ConfigDiagnostic(descriptor, filePath, position, keyPath, descriptor.Format(arguments)));
}
