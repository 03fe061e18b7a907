using AiEtl.Configuration.Diagnostics;
using AiEtl.Configuration.Model;
using AiEtl.Configuration.Yaml;

namespace AiEtl.Cli.Binding;

/// <summary>What the binder found that the runtime cannot do as configured, as diagnostics at the key.</summary>
internal sealed class BindingProblems
{
    private readonly List<ConfigDiagnostic> _items = [];
    private readonly string _file;

    public BindingProblems(string file)
    {
        _file = file;
    }

    public IReadOnlyList<ConfigDiagnostic> Items => _items;

    public bool Any => _items.Count > 0;

    public void NotSupported(ConfigSection section, string key, string what) =>
        Add(ConfigDiagnostics.NotSupportedYet, section.PositionOf(key), section.PathOf(key), what);

    public void NotSupported(YamlPosition position, string path, string what) =>
        Add(ConfigDiagnostics.NotSupportedYet, position, path, what);

    public void Invalid(ConfigSection section, string key, string message) =>
        Add(ConfigDiagnostics.InvalidValue, section.PositionOf(key), section.PathOf(key), message);

    private void Add(ConfigDiagnosticDescriptor descriptor, YamlPosition position, string path, string argument) =>
        _items.Add(new ConfigDiagnostic(descriptor, _file, position, path, descriptor.Format(argument)));
}
