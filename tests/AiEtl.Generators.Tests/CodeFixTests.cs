using System.Collections.Immutable;
using AiEtl.Generators.CodeFixes;
using AiEtl.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace AiEtl.Generators.Tests;

/// <summary>
/// The code fixes, applied as the IDE applies them: the generator reports the diagnostic, the fix runs on a document
/// of a real workspace, and the fixed source generates without the diagnostic.
/// </summary>
public sealed class CodeFixTests
{
    [Fact]
    public async Task AIETL0001_makes_the_record_partial()
    {
        var fixedSource = await FixAsync(new MakePartialCodeFix(), "AIETL0001", """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public record struct Customer(int Id);
            """);

        Assert.Contains("public partial record struct Customer(int Id);", fixedSource, StringComparison.Ordinal);
        GeneratorHarness.Run(fixedSource).AssertCompilesCleanly();
    }

    [Fact]
    public async Task AIETL0001_makes_a_containing_type_without_modifiers_partial()
    {
        var fixedSource = await FixAsync(new MakePartialCodeFix(), "AIETL0001", """
            using AiEtl;
            namespace Sample;
            class Outer
            {
                [EtlRecord]
                public partial record Inner(int Id);
            }
            """);

        Assert.Contains("partial class Outer", fixedSource, StringComparison.Ordinal);
        GeneratorHarness.Run(fixedSource).AssertCompilesCleanly();
    }

    [Fact]
    public async Task AIETL0014_makes_the_pipeline_class_partial()
    {
        var fixedSource = await FixAsync(new MakePartialCodeFix(), "AIETL0014", Record + """
            [Pipeline<Customer>("daily")]
            [CsvSource("in.csv")]
            [JsonDestination("out.jsonl")]
            public sealed class Daily;
            """);

        Assert.Contains("public sealed partial class Daily;", fixedSource, StringComparison.Ordinal);
        PipelineHarness.Run([fixedSource]).AssertCompilesCleanly();
    }

    [Fact]
    public async Task AIETL1105_uses_the_suggested_field_name_in_an_attribute()
    {
        var fixedSource = await FixAsync(new UseSuggestedFieldNameCodeFix(), "AIETL1105", Record + """
            [Pipeline<Customer>("daily")]
            [CsvSource("in.csv")]
            [Deduplicate("emial")]
            [JsonDestination("out.jsonl")]
            public sealed partial class Daily;
            """);

        Assert.Contains("[Deduplicate(\"email\")]", fixedSource, StringComparison.Ordinal);
        PipelineHarness.Run([fixedSource]).AssertCompilesCleanly();
    }

    private const string Record = """
        using AiEtl;
        namespace Sample;
        [EtlRecord("customers")]
        public partial record struct Customer([property: PrimaryKey] int Id, string Email);

        """;

    [Fact]
    public async Task AIETL1108_marks_a_property_of_the_record_as_its_primary_key()
    {
        var fixedSource = await FixAsync(new MarkPrimaryKeyCodeFix(), "AIETL1108", """
            using AiEtl;
            namespace Sample;
            [EtlRecord("customers")]
            public partial record struct Customer(string Email, int Id, int? Age);

            [Pipeline<Customer>("daily")]
            [CsvSource("in.csv")]
            [SqliteDestination("out.db", WriteMode = WriteMode.Merge)]
            public sealed partial class Daily;
            """);

        Assert.Contains("Customer(string Email, [property: PrimaryKey] int Id, int? Age)", fixedSource, StringComparison.Ordinal);
        PipelineHarness.Run([fixedSource]).AssertCompilesCleanly();
    }

    // Runs the generator, applies the first fix offered for the one diagnostic with the id, and returns the fixed source.
    private static async Task<string> FixAsync(CodeFixProvider provider, string id, string source)
    {
        var run = PipelineHarness.Run([source]);
        var diagnostic = Assert.Single(run.Diagnostics, found => found.Id == id);
        using var workspace = new AdhocWorkspace();
        var document = workspace.AddProject("Sample", LanguageNames.CSharp)
            .WithParseOptions(GeneratorHarness.ParseOptions)
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .AddMetadataReferences(PipelineHarness.References)
            .AddDocument(GeneratorHarness.InputPath(0), SourceText.From(source));
        var tree = (await document.GetSyntaxTreeAsync(TestContext.Current.CancellationToken))!;
        var located = Diagnostic.Create(diagnostic.Descriptor, Location.Create(tree, diagnostic.Location.SourceSpan), diagnostic.Properties, [.. Arguments(diagnostic)]);
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, located, (action, _) => actions.Add(action), TestContext.Current.CancellationToken));

        Assert.NotEmpty(actions);
        var action = actions[0];
        var operations = await action.GetOperationsAsync(TestContext.Current.CancellationToken);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync(TestContext.Current.CancellationToken)).ToString();
    }

    // The message's arguments are not public; the fixes read only the location and the properties.
    private static ImmutableArray<object> Arguments(Diagnostic diagnostic) => [diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)];
}
