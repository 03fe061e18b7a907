using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiEtl.Generators.CodeFixes;

/// <summary>
/// For <c>write_mode: merge</c> on a record without a primary key (AIETL1108) in a <c>[Pipeline&lt;T&gt;]</c> class,
/// offers to mark one of the record's properties <c>[PrimaryKey]</c>, in the record's own declaration: one action per
/// property that can be a key, those named like an id first.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarkPrimaryKeyCodeFix)), Shared]
public sealed class MarkPrimaryKeyCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["AIETL1108"];

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var type = root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault();
        if (model?.GetDeclaredSymbol(type!, context.CancellationToken) is not INamedTypeSymbol pipeline)
        {
            return;
        }

        var record = pipeline.GetAttributes()
            .Where(static attribute => attribute.AttributeClass is { Name: "PipelineAttribute", IsGenericType: true })
            .Select(static attribute => attribute.AttributeClass!.TypeArguments[0])
            .FirstOrDefault();
        if (record is null)
        {
            return;
        }

        foreach (var property in Candidates(record))
        {
            var name = property.Name;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Mark '" + name + "' as the primary key of " + record.Name,
                    cancellationToken => MarkAsync(context.Document.Project.Solution, property, cancellationToken),
                    equivalenceKey: nameof(MarkPrimaryKeyCodeFix) + name),
                context.Diagnostics);
        }
    }

    // Scalar properties that are not nullable, named like an id first (Id, CustomerId, then the rest).
    private static IEnumerable<IPropertySymbol> Candidates(ITypeSymbol record) => record.GetMembers().OfType<IPropertySymbol>()
        .Where(static property => !property.IsStatic && property.DeclaredAccessibility == Accessibility.Public && property.Type.NullableAnnotation != NullableAnnotation.Annotated
            && property.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T && property.Type is not IArrayTypeSymbol && property.Name != "EqualityContract")
        .OrderBy(static property => property.Name == "Id" ? 0 : property.Name.EndsWith("Id", System.StringComparison.Ordinal) ? 1 : 2);

    private static async Task<Solution> MarkAsync(Solution solution, IPropertySymbol property, CancellationToken cancellationToken)
    {
        // A positional record's property is declared by its parameter; otherwise by the property itself.
        var reference = property.DeclaringSyntaxReferences.FirstOrDefault();
        var document = reference is null ? null : solution.GetDocument(reference.SyntaxTree);
        if (reference is null || document is null)
        {
            return solution;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var node = await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
        SyntaxNode? marked = node switch
        {
            ParameterSyntax parameter => parameter.AddAttributeLists(Attribute(SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(SyntaxKind.PropertyKeyword)))),
            PropertyDeclarationSyntax declaration => declaration.AddAttributeLists(Attribute(null).WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)),
            _ => null,
        };
        return root is null || marked is null ? solution : solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(node, marked));
    }

    private static AttributeListSyntax Attribute(AttributeTargetSpecifierSyntax? target) =>
        SyntaxFactory.AttributeList(target, SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.ParseName("PrimaryKey"))))
            .WithTrailingTrivia(SyntaxFactory.Space);
}
