using AiEtl.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using static AiEtl.Generators.Tests.Infrastructure.PipelineHarness;

namespace AiEtl.Generators.Tests;

/// <summary>
/// The compiled-pipeline diagnostics: each fires at the exact span marked <c>[|...|]</c> in the <c>*.etl.yaml</c>
/// file, and the valid form next to it is silent and compiles.
/// </summary>
public sealed partial class DiagnosticTests
{
    private const string Records = """
        using AiEtl;
        namespace Sample
        {
            [EtlRecord("customers")]
            public partial record struct Customer([property: PrimaryKey] int Id, string Email, int? Age, bool Active, [property: JsonField] string Tags, DateTime UpdatedAt);

            [EtlRecord("events")]
            public partial record struct Event(string Kind, DateTime At);

            [EtlRecord("notes")]
            public partial record struct Note(int? Id, string? Text);
        }
        namespace Sample.Crm { [EtlRecord] public partial record struct Contact(int Id); }
        namespace Sample.Plain { public record struct Invoice(int Id); }
        namespace Sample.Shop { [EtlRecord] public partial record struct Contact(int Id); }
        """;

    [Fact]
    public void A_valid_compiled_pipeline_is_silent_and_compiles()
    {
        var run = PipelineHarness.Run([Records], new ProjectFile("customers.etl.yaml", Pipeline()), new ProjectFile("data/customers.csv", "id,email,age,active,tags,updated_at\n1,a@b.c,3,true,[],2024-01-01T00:00:00\n"));

        run.AssertCompilesCleanly();
        Assert.Contains(run.Result.GeneratedSources, source => source.HintName == "CustomersPipeline.customers.etl.yaml.g.cs");
    }

    [Fact]
    public void AIETL1005_a_misspelt_key_of_the_yaml_is_reported_by_the_compiler_with_the_configuration_model_id()
    {
        AssertPipelineDiagnostic("AIETL1005", Pipeline(transforms: """
                - type: deduplicator
                  config:
                    [|key_feilds|]: [id]
            """), "pipeline.transforms[0].config: unknown key 'key_feilds' (did you mean 'key_fields'?)");
    }

    [Fact]
    public void AIETL1100_PipelineFileUnreadable()
    {
        var run = PipelineHarness.Run([Records], new UnreadableFile());

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("AIETL1100", diagnostic.Id);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Contains("gone.etl.yaml", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void AIETL1101_RecordNotFound()
    {
        AssertPipelineDiagnostic("AIETL1101", Pipeline(record: "[|Sample.Custmer|]"), "source.record: no [EtlRecord] type is named 'Sample.Custmer' in this project (did you mean 'Sample.Customer'?)");
    }

    [Fact]
    public void AIETL1102_RecordAmbiguous()
    {
        AssertPipelineDiagnostic("AIETL1102", Pipeline(record: "[|Contact|]", transforms: "[]"), "source.record: 'Contact' names several [EtlRecord] types: 'Sample.Crm.Contact', 'Sample.Shop.Contact'; write the full name");
    }

    [Fact]
    public void AIETL1102_a_simple_name_that_is_unique_is_enough()
    {
        PipelineHarness.Run([Records], new ProjectFile("p.etl.yaml", Pipeline(record: "Customer"))).AssertCompilesCleanly();
    }

    [Fact]
    public void AIETL1103_PipelineHasNoRecord()
    {
        AssertPipelineDiagnostic("AIETL1103", """
            pipeline:
              name: customers
              source:
                type: [|csv|]
                config:
                  path: data/customers.csv
              destination:
                type: jsonl
                config:
                  path: out.jsonl
            """, "The pipeline 'customers' declares no rows");
    }

    [Fact]
    public void AIETL1104_SchemaFileNotCompiled()
    {
        AssertPipelineDiagnostic("AIETL1104", """
            pipeline:
              name: customers
              source:
                type: csv
                schema_file: [|customers.schema.json|]
                config:
                  path: data/customers.csv
              destination:
                type: jsonl
                config:
                  path: out.jsonl
            """, "takes its schema from schema_file");
    }

    [Fact]
    public void AIETL1105_UnknownRecordField()
    {
        AssertPipelineDiagnostic("AIETL1105", Pipeline(transforms: """
                - type: deduplicator
                  config:
                    key_fields: [id, [|emial|]]
            """), "pipeline.transforms[0].config.key_fields: 'emial' is not a field of Customer (did you mean 'email'?); its fields are 'id', 'email', 'age', 'active', 'tags', 'updated_at'");
    }

    [Fact]
    public void AIETL1105_in_the_fields_of_a_null_remover()
    {
        AssertPipelineDiagnostic("AIETL1105", Pipeline(transforms: """
                - type: null_remover
                  config:
                    fields: [[|agee|]]
            """), "'agee' is not a field of Customer (did you mean 'age'?)");
    }

    [Fact]
    public void AIETL1106_FieldCannotBeKey()
    {
        AssertPipelineDiagnostic("AIETL1106", Pipeline(transforms: """
                - type: deduplicator
                  config:
                    key_fields: [[|tags|]]
            """), "'tags' holds JSON, which cannot identify a row");
    }

    [Fact]
    public void AIETL1107_CursorNotOrderable()
    {
        AssertPipelineDiagnostic("AIETL1107", Pipeline(source: """
                type: sqlite
                record: Sample.Customer
                config:
                  path: in.db
                  table: customers
                  cursor_column: [|active|]
            """), "cursor_column 'active' holds boolean, which has no order to resume from");
    }

    [Fact]
    public void AIETL1107_a_timestamp_cursor_is_silent()
    {
        PipelineHarness.Run([Records], new ProjectFile("p.etl.yaml", Pipeline(source: """
                type: sqlite
                record: Sample.Customer
                config:
                  path: in.db
                  table: customers
                  cursor_column: updated_at
            """))).AssertCompilesCleanly();
    }

    [Fact]
    public void AIETL1108_MergeNeedsRecordKey()
    {
        AssertPipelineDiagnostic("AIETL1108", Pipeline(record: "Sample.Event", transforms: "[]", destination: """
                type: sqlite
                config:
                  path: out.db
                  write_mode: [|merge|]
            """), "write_mode: merge needs a key, and Event has no [PrimaryKey] property");
    }

    [Fact]
    public void AIETL1108_merge_on_a_record_with_a_primary_key_is_silent()
    {
        PipelineHarness.Run([Records], new ProjectFile("p.etl.yaml", Pipeline(destination: """
                type: sqlite
                config:
                  path: out.db
                  write_mode: merge
            """))).AssertCompilesCleanly();
    }

    [Fact]
    public void AIETL1109_TransformChangesRecord()
    {
        AssertPipelineDiagnostic("AIETL1109", Pipeline(transforms: """
                - type: [|select|]
                  config:
                    fields: [id]
            """), "The transform 'select' changes the fields of a row");
    }

    [Fact]
    public void AIETL1110_ImputeNeedsNumber()
    {
        AssertPipelineDiagnostic("AIETL1110", Pipeline(transforms: """
                - type: null_remover
                  config:
                    strategy: impute
                    impute:
                      age: median
                      [|email|]: mean
            """), "impute: mean of 'email' needs a number, but the field holds string; use mode or constant");
    }

    [Fact]
    public void AIETL1111_SampleLacksColumn()
    {
        AssertPipelineDiagnostic(
            "AIETL1111",
            Pipeline(path: "[|data/customers.csv|]"),
            "customers.csv has no column 'updated_at', which Customer declares (did you mean 'updatedat'?)",
            new ProjectFile("data/customers.csv", "id,email,age,active,tags,updatedat\n"));
    }

    [Fact]
    public void AIETL1112_SampleHasExtraColumn()
    {
        AssertPipelineDiagnostic(
            "AIETL1112",
            Pipeline(path: "[|data/customers.csv|]"),
            "customers.csv has a column 'notes' that Customer does not declare; it is not loaded",
            new ProjectFile("data/customers.csv", "id,email,age,active,tags,updated_at,notes\n"));
    }

    [Fact]
    public void AIETL1113_DuplicatePipelineName()
    {
        var markup = SourceMarkup.Parse(Pipeline(name: "[|customers|]"));
        var run = PipelineHarness.Run([Records], new ProjectFile("a.etl.yaml", Pipeline()), new ProjectFile("b.etl.yaml", markup.Source));

        var diagnostic = Assert.Single(run.Diagnostics, diagnostic => diagnostic.Id == "AIETL1113");
        AssertAt(diagnostic, "AIETL1113", ProjectDirectory + "b.etl.yaml", markup.Span, "Another pipeline is named 'customers' (a.etl.yaml)");
    }

    [Fact]
    public void AIETL1114_InlineFieldNameClash()
    {
        AssertPipelineDiagnostic("AIETL1114", """
            pipeline:
              name: people
              source:
                type: csv
                config:
                  path: people.csv
                schema:
                  fields:
                    - { name: first_name, type: string }
                    - [|{ name: first-name, type: string }|]
              destination:
                type: jsonl
                config:
                  path: out.jsonl
            """, "The field 'first-name' becomes the property 'FirstName'");
    }

    [Fact]
    public void AIETL1115_RecordIsNotEtlRecord()
    {
        AssertPipelineDiagnostic("AIETL1115", Pipeline(record: "[|Sample.Plain.Invoice|]", transforms: "[]"), "source.record: 'Sample.Plain.Invoice' is a type of this project, but not an [EtlRecord] type");
    }

    [Fact]
    public void AIETL1116_DestinationConversion()
    {
        AssertPipelineDiagnostic("AIETL1116", Pipeline(destination: """
                type: [|sqlite|]
                config:
                  path: out.db
            """), "sqlite stores active (boolean) as the integers 1 and 0; updated_at (datetime) as ISO-8601 text");
    }

    [Fact]
    public void AIETL1116_a_destination_with_native_types_for_every_field_is_silent()
    {
        var run = PipelineHarness.Run([Records], new ProjectFile("p.etl.yaml", Pipeline(destination: """
                type: jsonl
                config:
                  path: out.jsonl
            """)));

        Assert.DoesNotContain(run.Diagnostics, diagnostic => diagnostic.Id == "AIETL1116");
    }

    [Fact]
    public void AIETL1117_NullableKeyField()
    {
        AssertPipelineDiagnostic("AIETL1117", Pipeline(transforms: """
                - type: deduplicator
                  config:
                    key_fields: [id, [|age|]]
            """), "'age' may be null: the deduplicator counts all rows whose key is null as one key");
    }

    [Fact]
    public void AIETL1118_QualityScoreWithoutChecks()
    {
        AssertPipelineDiagnostic("AIETL1118", Pipeline(record: "Sample.Note", transforms: """
                - type: [|quality_scorer|]
                  config:
                    min_score: 0.5
            """), "Note declares no constraint");
    }

    [Fact]
    public void AIETL1118_a_record_with_constraints_is_silent()
    {
        var run = PipelineHarness.Run([Records], new ProjectFile("p.etl.yaml", Pipeline(transforms: """
                - type: quality_scorer
                  config:
                    min_score: 0.5
            """)));

        Assert.DoesNotContain(run.Diagnostics, diagnostic => diagnostic.Id == "AIETL1118");
    }

    [Fact]
    public void AIETL1119_InlineRecordExists()
    {
        AssertPipelineDiagnostic("AIETL1119", """
            pipeline:
              name: customers
              source:
                type: csv
                record: [|Sample.Customer|]
                config:
                  path: customers.csv
                schema:
                  fields:
                    - { name: id, type: integer }
              destination:
                type: jsonl
                config:
                  path: out.jsonl
            """, "source.record: 'Sample.Customer' is already an [EtlRecord] type of the project");
    }

    [Fact]
    public void AIETL1120_SampleIsEmpty()
    {
        AssertPipelineDiagnostic("AIETL1120", Pipeline(path: "[|data/customers.csv|]"), "customers.csv is empty: its header cannot be checked against Customer", new ProjectFile("data/customers.csv", ""));
    }

    [Fact]
    public void AIETL1025_a_number_from_a_placeholder_without_a_default_is_reported_at_build()
    {
        AssertPipelineDiagnostic("AIETL1025", """
            pipeline:
              name: customers
              execution:
                batch_size: [|${BATCH}|]
              source:
                type: csv
                record: Sample.Customer
                config:
                  path: data/customers.csv
              destination:
                type: jsonl
                config:
                  path: out.jsonl
            """, "pipeline.execution.batch_size: a compiled pipeline resolves ${VAR} placeholders of text settings when it runs");
    }

    /// <summary>A pipeline file the compiler lists but cannot read.</summary>
    private sealed class UnreadableFile : AdditionalText
    {
        public override string Path => ProjectDirectory + "gone.etl.yaml";

        public override SourceText? GetText(CancellationToken cancellationToken = default) => null;
    }

    [Fact]
    public void AIETL0014_PipelineClassMustBePartial()
    {
        AssertAttributedDiagnostic("AIETL0014", """
            using AiEtl;
            namespace Sample.Jobs;
            [Pipeline<Sample.Customer>("daily")]
            [CsvSource("in.csv")]
            [JsonDestination("out.jsonl")]
            public sealed class [|Daily|];
            """, "'Daily' must be declared partial, outside any other type");
    }

    [Fact]
    public void AIETL0015_PipelineAttributeRepeated()
    {
        AssertAttributedDiagnostic("AIETL0015", """
            using AiEtl;
            namespace Sample.Jobs;
            [Pipeline<Sample.Customer>("daily")]
            [CsvSource("in.csv")]
            [[|JsonSource("in.jsonl")|]]
            [JsonDestination("out.jsonl")]
            public sealed partial class Daily;
            """, "'Daily' already has a source attribute");
    }

    [Fact]
    public void AIETL0016_TransformMethodSignature()
    {
        AssertAttributedDiagnostic("AIETL0016", """
            using AiEtl;
            namespace Sample.Jobs;
            [Pipeline<Sample.Customer>("daily")]
            [CsvSource("in.csv")]
            [JsonDestination("out.jsonl")]
            public sealed partial class Daily
            {
                [Filter]
                private static int [|Keep|](Sample.Customer row) => 1;
            }
            """, "'Keep' is marked [Filter] but does not have the signature 'bool Keep(Customer row)'");
    }

    [Fact]
    public void AIETL1007_a_value_out_of_range_in_an_attribute_is_reported_at_the_argument()
    {
        AssertAttributedDiagnostic("AIETL1007", """
            using AiEtl;
            namespace Sample.Jobs;
            [Pipeline<Sample.Customer>("daily")]
            [CsvSource("in.csv")]
            [JsonDestination("out.jsonl")]
            [Execution(BatchSize = [|0|])]
            public sealed partial class Daily;
            """, "pipeline.execution.batch_size");
    }

    [Fact]
    public void AIETL1105_a_field_the_record_lacks_in_an_attribute_is_reported_at_the_argument()
    {
        AssertAttributedDiagnostic("AIETL1105", """
            using AiEtl;
            namespace Sample.Jobs;
            [Pipeline<Sample.Customer>("daily")]
            [CsvSource("in.csv")]
            [Deduplicate([|"emial"|])]
            [JsonDestination("out.jsonl")]
            public sealed partial class Daily;
            """, "'emial' is not a field of Customer (did you mean 'email'?)");
    }

    [Fact]
    public void AIETL1110_imputing_the_mean_of_text_in_an_attribute_is_reported_at_the_field()
    {
        AssertAttributedDiagnostic("AIETL1110", """
            using AiEtl;
            namespace Sample.Jobs;
            [Pipeline<Sample.Customer>("daily")]
            [CsvSource("in.csv")]
            [ImputeNulls([|"email"|], ImputeMethod.Mean)]
            [JsonDestination("out.jsonl")]
            public sealed partial class Daily;
            """, "impute: mean of 'email' needs a number");
    }

    [Fact]
    public void A_valid_attributed_pipeline_is_silent_and_compiles()
    {
        PipelineHarness.Run([Records, """
            using AiEtl;
            namespace Sample.Jobs;
            [Pipeline<Sample.Customer>("daily")]
            [CsvSource("in.csv")]
            [Deduplicate("email")]
            [JsonDestination("out.jsonl")]
            public sealed partial class Daily
            {
                [Filter]
                public bool Keep(Sample.Customer row) => row.Active;
            }
            """]).AssertCompilesCleanly();
    }

    private static void AssertAttributedDiagnostic(string id, string markup, string messagePart)
    {
        var parsed = SourceMarkup.Parse(markup);
        var run = PipelineHarness.Run([Records, parsed.Source]);

        var found = run.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(found.Count == 1, $"expected one {id}, got: " + string.Join("\n", run.Diagnostics) + string.Join("\n", run.OutputCompilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error)));
        AssertAt(found[0], id, GeneratorHarness.InputPath(1), parsed.Span, messagePart);
    }

    private static string Pipeline(
        string name = "customers", string record = "Sample.Customer", string path = "data/customers.csv", string? source = null, string? transforms = null, string? destination = null)
    {
        source ??= $"""
                type: csv
                record: {record}
                config:
                  path: {path}
            """;
        transforms ??= """
                - type: deduplicator
                  config:
                    key_fields: [id]
            """;
        destination ??= """
                type: sqlite
                config:
                  path: out/customers.db
            """;
        var transformBlock = transforms == "[]" ? "  transforms: []" : "  transforms:\n" + transforms;
        return $"""
            pipeline:
              name: {name}
              source:
            {source}
            {transformBlock}
              destination:
            {destination}
            """;
    }

    /// <summary>The valid form next to each compiled-pipeline diagnostic: the same pipeline, corrected, reports nothing with that id.</summary>
    public static TheoryData<string, string, string?> ValidForms() => new()
    {
        { "AIETL1005", Pipeline(), null },
        { "AIETL1101", Pipeline(record: "Sample.Customer"), null },
        { "AIETL1103", Pipeline(), null },
        { "AIETL1104", Pipeline(), null },
        { "AIETL1105", Pipeline(transforms: "    - type: deduplicator\n      config:\n        key_fields: [id, email]"), null },
        { "AIETL1106", Pipeline(transforms: "    - type: deduplicator\n      config:\n        key_fields: [email]"), null },
        { "AIETL1109", Pipeline(transforms: "    - type: null_remover\n      config:\n        fields: [age]"), null },
        { "AIETL1110", Pipeline(transforms: "    - type: null_remover\n      config:\n        strategy: impute\n        impute:\n          age: median\n          email: mode"), null },
        { "AIETL1111", Pipeline(), "id,email,age,active,tags,updated_at\n" },
        { "AIETL1112", Pipeline(), "id,email,age,active,tags,updated_at\n" },
        { "AIETL1113", Pipeline(name: "customers"), null },
        { "AIETL1114", Pipeline(), null },
        { "AIETL1115", Pipeline(record: "Sample.Customer"), null },
        { "AIETL1117", Pipeline(transforms: "    - type: deduplicator\n      config:\n        key_fields: [id]"), null },
        { "AIETL1119", Pipeline(), null },
        { "AIETL1120", Pipeline(), "id,email,age,active,tags,updated_at\n" },
        { "AIETL1025", Pipeline(), null },
    };

    [Theory]
    [MemberData(nameof(ValidForms))]
    public void The_valid_form_of_each_compiled_pipeline_diagnostic_is_silent(string id, string pipeline, string? sample)
    {
        AdditionalText[] files = sample is null
            ? [new ProjectFile("customers.etl.yaml", pipeline)]
            : [new ProjectFile("customers.etl.yaml", pipeline), new ProjectFile("data/customers.csv", sample)];

        var run = PipelineHarness.Run([Records], files);

        Assert.DoesNotContain(run.Diagnostics, diagnostic => diagnostic.Id == id);
        run.AssertCompilesCleanly();
    }

    private static void AssertPipelineDiagnostic(string id, string markup, string messagePart, params ProjectFile[] files)
    {
        var parsed = SourceMarkup.Parse(markup);
        var run = PipelineHarness.Run([Records], [new ProjectFile("customers.etl.yaml", parsed.Source), .. files]);

        var found = run.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(found.Count == 1, $"expected one {id}, got: " + string.Join("\n", run.Diagnostics));
        AssertAt(found[0], id, ProjectDirectory + "customers.etl.yaml", parsed.Span, messagePart);
    }

    private static void AssertAt(Diagnostic diagnostic, string id, string path, LinePositionSpan span, string messagePart)
    {
        Assert.Equal(id, diagnostic.Id);
        var location = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, location.Path);
        Assert.Equal(span, location.Span);
        Assert.Contains(messagePart, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
