using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiEtl.Generators.CodeFixes;

/// <summary>
/// Replaces a field name that the record lacks (AIETL1105) with the one the diagnostic suggests, where the name is a
/// string in a <c>[Pipeline&lt;T&gt;]</c> class's attribute (<c>[Deduplicate("emial")]</c> becomes <c>"email"</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSuggestedFieldNameCodeFix)), Shared]
public sealed class UseSuggestedFieldNameCodeFix : CodeFixProvider
{
    /// <summary>The diagnostic property that holds the suggested field name.</summary>
    public const string SuggestionProperty = "Suggestion";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["AIETL1105"];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                || !diagnostic.Properties.TryGetValue(SuggestionProperty, out var suggestion) || suggestion is null)
            {
                continue;
            }

            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion)).WithTriviaFrom(literal);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use '" + suggestion + "'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))),
                    equivalenceKey: nameof(UseSuggestedFieldNameCodeFix) + suggestion),
                diagnostic);
        }
    }
}
