using System.Collections.Generic;
using AiEtl.Configuration.Diagnostics;

namespace AiEtl.Configuration.Catalog;

/// <summary>The adapters of one role (sources, destinations or transforms) and the diagnostic for a type that is none of them.</summary>
public sealed class AdapterFamily
{
    internal AdapterFamily(string role, ConfigDiagnosticDescriptor unknownType, IReadOnlyList<AdapterSpec> adapters)
    {
        Role = role;
        UnknownType = unknownType;
        Adapters = adapters;
    }

    /// <summary>"source", "destination" or "transform".</summary>
    public string Role { get; }

    /// <summary>Reported for a <c>type</c> that names no adapter.</summary>
    public ConfigDiagnosticDescriptor UnknownType { get; }

    /// <summary>The adapters, in the order the reference lists them.</summary>
    public IReadOnlyList<AdapterSpec> Adapters { get; }

    /// <summary>The adapter named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public AdapterSpec? Find(string name)
    {
        foreach (var adapter in Adapters)
        {
            if (adapter.Name == name)
            {
                return adapter;
            }
        }

        return null;
    }

    /// <summary>The adapters' names.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            var names = new List<string>();
            foreach (var adapter in Adapters)
            {
                names.Add(adapter.Name);
            }

            return names;
        }
    }
}
