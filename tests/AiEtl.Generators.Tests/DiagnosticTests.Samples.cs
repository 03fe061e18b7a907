using System.Globalization;
using AiEtl.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using static AiEtl.Generators.Tests.Infrastructure.PipelineHarness;

namespace AiEtl.Generators.Tests;

/// <summary>The diagnostics of <c>[EtlRecord(Sample = ...)]</c>, each at the Sample argument.</summary>
public sealed partial class DiagnosticTests
{
    [Fact]
    public void AIETL0017_SampleNotFound()
    {
        AssertSampleDiagnostic(
            "AIETL0017",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord("customers", Sample = [|"data/missing.csv"|])]
            public partial record struct Customer;
            """,
            "The sample 'data/missing.csv' of 'Customer' is not an AdditionalFiles item of the project: add <AdditionalFiles Include=\"data/missing.csv\" /> to the project file (the path is relative to the project folder)",
            DiagnosticSeverity.Error,
            new ProjectFile("data/customers.csv", "id\n1\n"));
    }

    [Fact]
    public void AIETL0018_SampleIsEmptyForRecord()
    {
        AssertSampleDiagnostic(
            "AIETL0018",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord(Sample = [|"data/customers.csv"|])]
            public partial record struct Customer;
            """,
            "The sample 'data/customers.csv' has a header but no rows, so the fields of 'Customer' cannot be inferred from it",
            DiagnosticSeverity.Error,
            new ProjectFile("data/customers.csv", "id,email\n"));
    }

    [Fact]
    public void AIETL0018_an_empty_file()
    {
        AssertSampleDiagnostic(
            "AIETL0018",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord(Sample = [|"data/customers.csv"|])]
            public partial class Customer;
            """,
            "The sample 'data/customers.csv' is empty, so the fields of 'Customer' cannot be inferred from it",
            DiagnosticSeverity.Error,
            new ProjectFile("data/customers.csv", ""));
    }

    [Fact]
    public void AIETL0019_UnsureSampleColumn()
    {
        AssertSampleDiagnostic(
            "AIETL0019",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord(Sample = [|"data/attempts.csv"|])]
            public partial record struct Attempt;
            """,
            "Column 'retries' of 'data/attempts.csv' is inferred as boolean with confidence 0.9, under 0.95 (0/1 flag: only 0 and 1 (a flag or a count: confidence 0.9); values that caused the doubt: '0' (row 1), '1' (row 2), '0' (row 3)): declare the property 'Retries' in 'Attempt' with the type it holds",
            DiagnosticSeverity.Warning,
            new ProjectFile("data/attempts.csv", "id,retries\n1,0\n2,1\n3,0\n"));
    }

    [Fact]
    public void AIETL0020_SensitiveSampleColumn()
    {
        AssertSampleDiagnostic(
            "AIETL0020",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord(Sample = [|"data/contacts.csv"|])]
            public partial record Contact;
            """,
            "Column 'email' of 'data/contacts.csv' looks like personal data (Email: 100 % of 3 values match; the column's name speaks for it; score 1.00 >= 0.60): declare the property 'Email' in 'Contact' with [Sensitive(SensitiveKind.Email)] so that violations and logs mask its values",
            DiagnosticSeverity.Info,
            new ProjectFile("data/contacts.csv", "id,email\n1,ann@example.com\n2,bob@example.org\n3,cy@mail.example\n"));
    }

    [Fact]
    public void A_sensitive_property_declared_for_a_sample_column_is_silent()
    {
        var run = PipelineHarness.Run(
            ["""
            using AiEtl;
            namespace Sample;
            [EtlRecord(Sample = "data/contacts.csv")]
            public partial record Contact
            {
                [Sensitive(SensitiveKind.Email)]
                public string Email { get; init; } = "";
            }
            """],
            new ProjectFile("data/contacts.csv", "id,email\n1,ann@example.com\n2,bob@example.org\n3,cy@mail.example\n"));

        run.AssertCompilesCleanly();
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void A_declared_property_settles_an_unsure_column()
    {
        var run = PipelineHarness.Run(
            ["""
            using AiEtl;
            namespace Sample;
            [EtlRecord(Sample = "data/attempts.csv")]
            public partial record Attempt
            {
                public int Retries { get; init; }
            }
            """],
            new ProjectFile("data/attempts.csv", "id,retries\n1,0\n2,1\n3,0\n"));

        run.AssertCompilesCleanly();
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public async Task A_property_declared_in_a_sampled_record_struct_is_not_a_field_order_warning()
    {
        var run = PipelineHarness.Run(
            ["""
            using AiEtl;
            namespace Sample;
            [EtlRecord(Sample = "data/attempts.csv")]
            public partial record struct Attempt
            {
                public int Retries { get; init; }
            }
            """],
            new ProjectFile("data/attempts.csv", "id,retries\n1,0\n2,1\n3,0\n"));

        var analyzed = await run.OutputCompilation
            .WithAnalyzers([new SampleRecordSuppressor()], new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAllDiagnosticsAsync(TestContext.Current.CancellationToken);

        var fieldOrder = Assert.Single(analyzed, diagnostic => diagnostic.Id == "CS0282");
        Assert.True(fieldOrder.IsSuppressed);
        Assert.DoesNotContain(analyzed, diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning && !diagnostic.IsSuppressed);
    }

    private static void AssertSampleDiagnostic(string id, string markup, string message, DiagnosticSeverity severity, params ProjectFile[] files)
    {
        var parsed = SourceMarkup.Parse(markup);
        var run = PipelineHarness.Run([parsed.Source], files);

        Assert.Null(run.Result.Exception);
        var diagnostic = Assert.Single(run.Diagnostics, found => found.Id == id);
        AssertDiagnostic(diagnostic, id, parsed.Span, message);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
