using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiEtl.Generators;

/// <summary>
/// Suppresses CS0282 (no defined order between the fields of a partial struct's declarations) on an
/// <c>[EtlRecord(Sample = ...)]</c> struct: the user declares some properties and the generator the others by design,
/// and nothing depends on the layout (the generated ReadFields and WriteFields go by ordinal, not by field order).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SampleRecordSuppressor : DiagnosticSuppressor
{
    /// <summary>The suppression of CS0282.</summary>
    internal static readonly SuppressionDescriptor FieldOrder = new(
        "AIETLSPR0282",
        "CS0282",
        "The properties of an [EtlRecord(Sample = ...)] struct are declared partly by the user and partly by the generator; the generated code reads and writes them by ordinal, so their layout does not matter.");

    /// <inheritdoc/>
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = [FieldOrder];

    /// <inheritdoc/>
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (diagnostic.Location.SourceTree is not { } tree
                || tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration
                || context.GetSemanticModel(tree).GetDeclaredSymbol(declaration, context.CancellationToken) is not { } type)
            {
                continue;
            }

            var sampled = type.GetAttributes().Any(static attribute =>
                attribute.AttributeClass?.ToDisplayString() == EtlRecordGenerator.EtlRecordAttributeName
                && attribute.NamedArguments.Any(static argument => argument.Key == "Sample" && argument.Value.Value is string));
            if (sampled)
            {
                context.ReportSuppression(Suppression.Create(FieldOrder, diagnostic));
            }
        }
    }
}
