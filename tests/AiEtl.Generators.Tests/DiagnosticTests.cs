using System.Globalization;
using AiEtl.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AiEtl.Generators.Tests;

/// <summary>
/// Each diagnostic fires with its id at the exact span marked <c>[|...|]</c>, with its exact message, and stops
/// code generation; a valid declaration is silent.
/// </summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void AIETL0001_RecordIsNotPartial()
    {
        AssertSingleDiagnostic(
            "AIETL0001",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public record struct [|Customer|](int Id);
            """,
            "'Sample.Customer' must be declared partial so that the generator can add the IEtlRecord implementation of 'Sample.Customer'");
    }

    [Fact]
    public void AIETL0001_ContainingTypeIsNotPartial()
    {
        AssertSingleDiagnostic(
            "AIETL0001",
            """
            using AiEtl;
            namespace Sample;
            public static class [|Outer|]
            {
                [EtlRecord]
                public partial record Inner(int Id);
            }
            """,
            "'Sample.Outer' must be declared partial so that the generator can add the IEtlRecord implementation of 'Sample.Outer.Inner'");
    }

    [Fact]
    public void AIETL0002_UnsupportedPositionalParameterType()
    {
        AssertSingleDiagnostic(
            "AIETL0002",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, [|uint?|] Visits);
            """,
            "Property 'Visits' has the type 'uint?', which an [EtlRecord] field cannot hold; use string, int, long, short, double, float, decimal, bool, DateOnly, TimeOnly, DateTime, DateTimeOffset, Guid or an enum, or a nullable one of these");
    }

    [Fact]
    public void AIETL0002_UnsupportedPropertyType()
    {
        AssertSingleDiagnostic(
            "AIETL0002",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial class Customer
            {
                public int Id { get; set; }

                public [|List<string>|] Tags { get; set; } = [];
            }
            """,
            "Property 'Tags' has the type 'System.Collections.Generic.List<string>', which an [EtlRecord] field cannot hold; use string, int, long, short, double, float, decimal, bool, DateOnly, TimeOnly, DateTime, DateTimeOffset, Guid or an enum, or a nullable one of these");
    }

    [Fact]
    public void AIETL0003_RecordHasNoFields()
    {
        AssertSingleDiagnostic(
            "AIETL0003",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial class [|Empty|]
            {
                public int Computed => 42;

                internal string Hidden { get; set; } = "";
            }
            """,
            "'Sample.Empty' has no fields: [EtlRecord] maps positional record parameters and public instance properties that have a getter and a setter or init accessor");
    }

    [Fact]
    public void AIETL0004_TwoPropertiesMapToOneFieldNameIgnoringCase()
    {
        AssertSingleDiagnostic(
            "AIETL0004",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, string Email)
            {
                [FieldName("EMAIL")]
                public string? [|Contact|] { get; init; }
            }
            """,
            "Property 'Contact' maps to the field name 'EMAIL', which property 'Email' already uses (field names are compared without regard to case)");
    }

    [Fact]
    public void AIETL0005_PrimaryKeyOnNullableProperty()
    {
        AssertSingleDiagnostic(
            "AIETL0005",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer([property: [|PrimaryKey|]] string? Code, string Name);
            """,
            "Property 'Code' is part of the primary key, so its type 'string?' must not be nullable");
    }

    [Fact]
    public void AIETL0005_PrimaryKeyOnNullableValueParameter()
    {
        AssertSingleDiagnostic(
            "AIETL0005",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record struct Customer([[|PrimaryKey|]] int? Id, string Name);
            """,
            "Property 'Id' is part of the primary key, so its type 'int?' must not be nullable");
    }

    [Fact]
    public void AIETL0006_AbstractClassCannotBeConstructed()
    {
        AssertSingleDiagnostic(
            "AIETL0006",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public abstract partial class [|Shape|]
            {
                public int Sides { get; set; }
            }
            """,
            "The generator cannot create 'Sample.Shape' in ReadFields: make it a positional record or give it a parameterless constructor, and do not make it abstract or static");
    }

    [Fact]
    public void AIETL0006_ClassWithoutParameterlessConstructor()
    {
        AssertSingleDiagnostic(
            "AIETL0006",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial class [|Customer|](int id)
            {
                public int Id { get; set; } = id;
            }
            """,
            "The generator cannot create 'Sample.Customer' in ReadFields: make it a positional record or give it a parameterless constructor, and do not make it abstract or static");
    }

    [Fact]
    public void AIETL0007_JsonFieldOnNonString()
    {
        AssertSingleDiagnostic(
            "AIETL0007",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, [[|JsonField|]] int Payload);
            """,
            "Property 'Payload' has [JsonField] but its type is 'int'; a JSON field holds JSON text, so its property must be a string");
    }

    [Fact]
    public void AIETL0099_ParserFailureIsReportedAtTheTypeName()
    {
        var markup = SourceMarkup.Parse("""
            namespace Sample;
            public partial record [|Customer|](int Id);
            """);
        var declaration = GeneratorHarness.Parse(markup.Source, "Input0.cs")
            .GetRoot(TestContext.Current.CancellationToken)
            .DescendantNodes()
            .OfType<TypeDeclarationSyntax>()
            .Single();

        var result = Parser.Guard(declaration, () => throw new InvalidOperationException("boom\nsecond line"));

        Assert.Null(result.Value);
        var diagnostic = Assert.Single(result.Diagnostics).ToDiagnostic();
        AssertDiagnostic(
            diagnostic,
            "AIETL0099",
            markup.Span,
            "The AiEtl generator failed on 'Customer' and generated no code for it: System.InvalidOperationException: boom second line");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void AIETL0099_EmitterFailureIsReportedForTheType()
    {
        var spec = new RecordSpec(
            Namespace: "Sample",
            ContainingTypes: EquatableArray<ContainingTypeSpec>.Empty,
            Keyword: "record",
            Name: "Customer",
            FullyQualifiedName: "global::Sample.Customer",
            HintName: "Sample.Customer.EtlRecord.g.cs",
            SchemaName: "Customer",
            Version: "1.0",
            Fields: new EquatableArray<FieldSpec>([new FieldSpec("Id", "id", (ValueKind)999, null, false, false, false, null)]));

        var failure = EtlRecordGenerator.EmitSafely(spec, out var source);

        Assert.NotNull(failure);
        Assert.Equal("AIETL0099", failure.Id);
        Assert.Equal(Location.None, failure.Location);
        Assert.StartsWith("The AiEtl generator failed on 'global::Sample.Customer' and generated no code for it: System.ArgumentOutOfRangeException:", failure.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(source);
    }

    [Fact]
    public void ValidDeclarationsAreSilent()
    {
        var run = GeneratorHarness.Run(
            """
            using AiEtl;
            namespace Sample;

            public enum Tier
            {
                Free,
                Paid,
            }

            [EtlRecord("customers", Version = "3")]
            public partial record struct Customer([PrimaryKey] int Id, [property: PrimaryKey] string Region, Tier Tier, int? Age)
            {
                [FieldName("notes_text")]
                public string? Notes { get; set; }
            }
            """,
            """
            using AiEtl;
            namespace Sample.Other;

            public partial class Outer
            {
                [EtlRecord]
                public partial class Row
                {
                    [PrimaryKey]
                    public Guid Key { get; init; }

                    public string Name { get; set; } = "";
                }
            }
            """);

        run.AssertCompilesCleanly();
        Assert.Equal(2, run.Result.GeneratedSources.Length);
    }

    [Fact]
    public void UnknownPropertyTypeLeavesTheErrorToTheCompiler()
    {
        var run = GeneratorHarness.Run("""
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, Missing Thing);
            """);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Result.GeneratedSources);
        Assert.Contains(run.OutputCompilation.GetDiagnostics(TestContext.Current.CancellationToken), diagnostic => diagnostic.Id == "CS0246");
    }

    [Fact]
    public void AttributeOnTwoPartsGeneratesOnce()
    {
        var run = GeneratorHarness.Run(
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id);
            """,
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer;
            """);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Diagnostics);
        Assert.Single(run.Result.GeneratedSources);
        Assert.Contains(run.OutputCompilation.GetDiagnostics(TestContext.Current.CancellationToken), diagnostic => diagnostic.Id == "CS0579");
    }

    private static void AssertSingleDiagnostic(string id, string markup, string message)
    {
        var parsed = SourceMarkup.Parse(markup);
        var run = GeneratorHarness.Run(parsed.Source);

        Assert.Null(run.Result.Exception);
        var diagnostic = Assert.Single(run.Diagnostics);
        AssertDiagnostic(diagnostic, id, parsed.Span, message);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Empty(run.Result.GeneratedSources);
    }

    private static void AssertDiagnostic(Diagnostic diagnostic, string id, LinePositionSpan span, string message)
    {
        Assert.Equal(id, diagnostic.Id);
        var location = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.InputPath(0), location.Path);
        Assert.Equal(span, location.Span);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal($"https://github.com/aietl/aietl-typed/blob/main/docs/diagnostics/{id}.md", diagnostic.Descriptor.HelpLinkUri);
    }
}
