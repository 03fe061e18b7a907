using System.Collections.Generic;
using AiEtl.Configuration.Diagnostics;
using Microsoft.CodeAnalysis;

namespace AiEtl.Generators;

/// <summary>
/// The configuration model's <c>AIETL1nnn</c> diagnostics as compiler descriptors: the same ids, titles and help pages
/// that <c>aietl validate</c> prints, so a mistake in a <c>*.etl.yaml</c> reads the same in the IDE and in the terminal.
/// </summary>
internal static class ConfigDescriptors
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Create();

    /// <summary>The descriptor of <paramref name="descriptor"/>; its message is the configuration model's whole message.</summary>
    public static DiagnosticDescriptor For(ConfigDiagnosticDescriptor descriptor) => ById[descriptor.Id];

    private static Dictionary<string, DiagnosticDescriptor> Create()
    {
        var descriptors = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var config in ConfigDiagnostics.All)
        {
            descriptors[config.Id] = new DiagnosticDescriptor(
                config.Id,
                config.Title,
                "{0}",
                "AiEtl",
                config.DefaultSeverity switch
                {
                    ConfigSeverity.Error => DiagnosticSeverity.Error,
                    ConfigSeverity.Warning => DiagnosticSeverity.Warning,
                    _ => DiagnosticSeverity.Info,
                },
                isEnabledByDefault: true,
                description: config.Description,
                helpLinkUri: config.HelpLink);
        }

        return descriptors;
    }
}
