using System.Linq;
using Microsoft.CodeAnalysis;

namespace AiEtl.Generators;

/// <summary>
/// A diagnostic as data: what to report, where, with which message arguments. Unlike <see cref="Diagnostic"/>
/// it has value equality and holds no syntax tree, so it can travel through the incremental pipeline.
/// </summary>
/// <param name="Descriptor">The rule, from <see cref="DiagnosticDescriptors"/>.</param>
/// <param name="Location">Where to report it, or <see langword="null"/> for no location.</param>
/// <param name="MessageArgs">The arguments of the rule's message format, already as text.</param>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    /// <summary>Describes a diagnostic of <paramref name="descriptor"/> at <paramref name="location"/>.</summary>
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs)
    {
        return new DiagnosticInfo(descriptor, location, new EquatableArray<string>(messageArgs));
    }

    /// <summary>The value a code fix can put in place of the wrong one (a suggested field name), or <see langword="null"/>.</summary>
    public string? Suggestion { get; init; }

    /// <summary>Makes the <see cref="Diagnostic"/> to report.</summary>
    public Diagnostic ToDiagnostic()
    {
        var properties = Suggestion is null
            ? System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty
            : System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add("Suggestion", Suggestion);
        return Diagnostic.Create(
            Descriptor,
            Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
            properties,
            MessageArgs.Cast<object>().ToArray());
    }
}
