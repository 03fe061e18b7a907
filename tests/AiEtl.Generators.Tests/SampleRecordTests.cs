using System.Globalization;
using AiEtl.Csv;
using AiEtl.Generators.Inference;
using AiEtl.Generators.Tests.Infrastructure;
using AiEtl.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static AiEtl.Generators.Tests.Infrastructure.PipelineHarness;

namespace AiEtl.Generators.Tests;

/// <summary>
/// <c>[EtlRecord(Sample = ...)]</c>: the properties a sample gives a record, typed as the runtime's inference types the
/// same file, and the generated code.
/// </summary>
public sealed class SampleRecordTests
{
    private static readonly string CustomersPath = Path.Combine(RepositoryPaths.Root, "samples", "data", "customers.csv");

    private const string CustomerRecord = """
        using AiEtl;
        namespace Sample;
        [EtlRecord("customers", Sample = "data/customers.csv")]
        public partial record struct Customer;
        """;

    [Fact]
    public void The_generated_properties_of_the_customers_sample_have_the_types_the_runtime_infers()
    {
        var run = PipelineHarness.Run([CustomerRecord], new ProjectFile("data/customers.csv", File.ReadAllText(CustomersPath)));
        run.AssertCompilesCleanly();
        var properties = run.Result.GeneratedSources.Single().SyntaxTree.GetRoot(TestContext.Current.CancellationToken)
            .DescendantNodes().OfType<PropertyDeclarationSyntax>()
            .Where(property => !property.Modifiers.Any(modifier => modifier.ValueText == "static"))
            .ToDictionary(property => property.Identifier.ValueText, property => property.Type.ToString());

        var runtime = CsvSchemaInference.Analyze(new CsvSourceOptions(CustomersPath));

        var expected = runtime.Schema.Fields.ToDictionary(field => PascalCase(field.Name), field => TypeName(field.Type, field.IsNullable));
        Assert.Equal(expected.OrderBy(pair => pair.Key), properties.OrderBy(pair => pair.Key));
        Assert.Equal("long", properties["Id"]);
        Assert.Equal("long?", properties["Age"]);
        Assert.Equal("global::System.DateOnly", properties["SignupDate"]);
        Assert.Equal("decimal", properties["Balance"]);
    }

    [Fact]
    public void The_sensitive_columns_of_the_customers_sample_are_those_aietl_scan_finds()
    {
        var run = PipelineHarness.Run([CustomerRecord], new ProjectFile("data/customers.csv", File.ReadAllText(CustomersPath)));

        var suggested = run.Diagnostics.Where(diagnostic => diagnostic.Id == "AIETL0020")
            .Select(diagnostic => diagnostic.GetMessage(CultureInfo.InvariantCulture))
            .ToList();

        var scanned = SensitiveDataScanner.ScanCsv(new CsvSourceOptions(CustomersPath)).Where(column => column.Kind != SensitiveDataKind.None).ToList();
        Assert.NotEmpty(scanned);
        Assert.Equal(scanned.Count, suggested.Count);
        foreach (var column in scanned)
        {
            Assert.Contains(suggested, message => message.StartsWith($"Column '{column.Name}' of 'data/customers.csv' looks like personal data ({column.Evidence}):", StringComparison.Ordinal)
                && message.Contains($"[Sensitive(SensitiveKind.{column.MaskingKind})]", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_record_from_the_customers_sample()
    {
        var run = PipelineHarness.Run([CustomerRecord], new ProjectFile("data/customers.csv", File.ReadAllText(CustomersPath)));

        run.AssertCompilesCleanly();
        Snapshot.Match(run.SingleSource("Sample.Customer.EtlRecord.g.cs"));
    }

    [Fact]
    public void A_declared_property_replaces_the_inferred_one_in_file_order()
    {
        var run = PipelineHarness.Run(
            ["""
            using AiEtl;
            namespace Sample;
            [EtlRecord(Sample = "data/people.csv")]
            public partial class Person
            {
                [PrimaryKey]
                public int Id { get; set; }
            }
            """],
            new ProjectFile("data/people.csv", "id,full name,joined\n1,Ann,2024-01-02\n2,,2024-02-03\n"));

        run.AssertCompilesCleanly();
        var source = run.SingleSource("Sample.Person.EtlRecord.g.cs");
        Assert.DoesNotContain("public long Id", source, StringComparison.Ordinal);
        Assert.Contains("public string? FullName { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public global::System.DateOnly Joined { get; init; }", source, StringComparison.Ordinal);
        Assert.True(source.IndexOf("\"id\"", StringComparison.Ordinal) < source.IndexOf("\"full name\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("public partial record Person(int Id);")]
    [InlineData("public partial record struct Person;")]
    [InlineData("public partial class Person;")]
    [InlineData("public partial struct Person;")]
    [InlineData("public sealed partial class Person { public string? Joined { get; set; } }")]
    public void Every_kind_of_record_declaration_takes_its_sample(string declaration)
    {
        var run = PipelineHarness.Run(
            [$$"""
            using AiEtl;
            namespace Sample;
            [EtlRecord(Sample = "data/people.csv")]
            {{declaration}}
            """],
            new ProjectFile("data/people.csv", "id,full name,joined\n1,Ann,2024-01-02\n2,,2024-02-03\n"));

        run.AssertCompilesCleanly();
        var schema = run.Result.GeneratedSources.Single().SourceText.ToString();
        Assert.Contains("new global::AiEtl.Field(\"id\", global::AiEtl.FieldType.Integer)", schema, StringComparison.Ordinal);
        Assert.Contains("new global::AiEtl.Field(\"full name\", global::AiEtl.FieldType.String) { IsNullable = true }", schema, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every CSV of the inference corpus and the customers sample, cut to the rows the generator reads: each column
    /// the generator infers (its classifier, the runtime's rules) equals what <c>CsvSchemaInference</c> infers from the
    /// same rows, type, confidence, nullability, rule and doubt alike. Files the runtime reads with a decimal comma are
    /// left out: the generator does not re-read a file with another culture.
    /// </summary>
    [Fact]
    public void The_generator_infers_every_corpus_column_as_the_runtime_does()
    {
        var corpus = Path.Combine(RepositoryPaths.Root, "tests", "AiEtl.Tests", "TestData", "inference");
        var files = Directory.GetFiles(corpus, "*.csv", SearchOption.AllDirectories).Append(CustomersPath).OrderBy(static path => path, StringComparer.Ordinal).ToList();
        var differences = new List<string>();
        var compared = 0;
        var directory = Directory.CreateTempSubdirectory("aietl-sample-");
        try
        {
            foreach (var file in files)
            {
                var text = Cut(File.ReadAllText(file), SampleInference.SampleSize);
                var cut = Path.Combine(directory.FullName, Path.GetFileName(file));
                File.WriteAllText(cut, text);
                var runtime = CsvSchemaInference.Analyze(new CsvSourceOptions(cut), new SchemaInferenceOptions { FullScan = true });
                // orders-de.csv is written with ';' and needs the delimiter option: with the default ',' the runtime drops the rows
                // whose field count differs from the header's, which a sample record (always ',') does not meet.
                if (runtime.DecimalComma || Path.GetFileName(file) == "orders-de.csv")
                {
                    continue;
                }

                var generated = SampleInference.Infer(text, out _);
                if (runtime.Columns.Count != generated.Count)
                {
                    differences.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}: {runtime.Columns.Count} columns at run time, {generated.Count} in the generator");
                    continue;
                }

                for (var i = 0; i < generated.Count; i++)
                {
                    var (field, evidence) = generated[i];
                    var expected = runtime.Columns[i];
                    var expectedNullable = runtime.Schema.Fields[i].IsNullable;
                    var mine = string.Create(CultureInfo.InvariantCulture, $"{evidence.Type} {evidence.Confidence:0.######} {field.IsNullable} {evidence.IsUnsure} {evidence.Rule} [{string.Join(", ", evidence.Counterexamples)}]");
                    var theirs = string.Create(CultureInfo.InvariantCulture, $"{expected.Type} {expected.Confidence:0.######} {expectedNullable} {expected.IsUnsure} {expected.Rule} [{string.Join(", ", expected.Counterexamples)}]");
                    compared++;
                    if (mine != theirs)
                    {
                        differences.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)} {expected.Name}:\n  runtime   {theirs}\n  generator {mine}");
                    }
                }
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        Assert.True(compared > 100, $"only {compared} columns compared");
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    // The header and the first rows of a CSV text (a quoted field may hold a line break).
    private static string Cut(string text, int rows)
    {
        var quoted = false;
        var lines = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == '\n' && !quoted && ++lines > rows)
            {
                return text[..(i + 1)];
            }
        }

        return text;
    }

    private static string PascalCase(string column) =>
        string.Concat(column.Split('_', ' ', '-').Where(word => word.Length > 0).Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private static string TypeName(FieldType type, bool nullable)
    {
        var (name, valueType) = type switch
        {
            FieldType.Integer => ("long", true),
            FieldType.Float => ("double", true),
            FieldType.Decimal => ("decimal", true),
            FieldType.Boolean => ("bool", true),
            FieldType.Date => ("global::System.DateOnly", true),
            FieldType.DateTime => ("global::System.DateTime", true),
            FieldType.Timestamp => ("global::System.DateTimeOffset", true),
            FieldType.Time => ("global::System.TimeOnly", true),
            FieldType.Guid => ("global::System.Guid", true),
            _ => ("string", false),
        };
        return name + (nullable ? "?" : "");
    }
}
