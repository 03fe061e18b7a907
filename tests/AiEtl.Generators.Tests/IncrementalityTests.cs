using AiEtl.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AiEtl.Generators.Tests;

/// <summary>
/// The incremental pipeline does no work that an edit does not call for, and its model is plain data that can be
/// compared between runs.
/// </summary>
public sealed class IncrementalityTests
{
    private const string Records = """
        using AiEtl;
        namespace Sample;

        [EtlRecord("customers")]
        public partial record struct Customer(
            [property: PrimaryKey] int Id,
            [property: Pattern("^[A-Z]"), Sensitive(SensitiveKind.Other)] string Name,
            [property: ValueRange(0, 150), OneOf(1, 2)] int? Age,
            [property: ValueRange("2000-01-01", "2001-01-01")] DateOnly Day,
            List<string> Tags);

        [Pipeline<Customer>("attributed")]
        [CsvSource("customers.csv")]
        [JsonDestination("out.jsonl")]
        public sealed partial class AttributedPipeline;

        [EtlRecord]
        public partial class Broken
        {
            public uint Count { get; set; }
        }
        """;

    [Fact]
    public void Every_step_has_a_tracking_name()
    {
        var result = CreateDriver().RunGenerators(GeneratorHarness.CreateCompilation(Records), TestContext.Current.CancellationToken)
            .GetRunResult().Results.Single();

        foreach (var name in TrackingStepNames())
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"No step is named {name}.");
            Assert.NotEmpty(result.TrackedSteps[name].SelectMany(step => step.Outputs));
        }
    }

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.CreateCompilation(Records);
        var driver = CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        var edited = compilation.AddSyntaxTrees(GeneratorHarness.Parse("namespace Other; public sealed class Unrelated { public int Value { get; set; } }", "Unrelated.cs"));
        var result = driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        foreach (var name in TrackingStepNames())
        {
            AssertAllCachedOrUnchanged(result.TrackedSteps[name], name);
        }

        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            AssertAllCachedOrUnchanged(steps, name);
        }
    }

    [Fact]
    public void Moving_a_declaration_does_not_regenerate_its_code()
    {
        var compilation = GeneratorHarness.CreateCompilation(Records);
        var driver = CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        var line = Assert.Single(driver.GetRunResult().Diagnostics).Location.GetLineSpan().StartLinePosition.Line;

        var original = compilation.SyntaxTrees.First();
        var moved = GeneratorHarness.Parse("// A comment that moves every declaration down a line.\n" + Records, original.FilePath);
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(original, moved), TestContext.Current.CancellationToken)
            .GetRunResult().Results.Single();

        // The diagnostics moved with the code, so they are reported again; the specs did not change.
        AssertAllCachedOrUnchanged(result.TrackedSteps[TrackingNames.RecordSpecs], TrackingNames.RecordSpecs);
        Assert.Contains(
            result.TrackedSteps[TrackingNames.Diagnostics].SelectMany(step => step.Outputs),
            output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(line + 1, Assert.Single(result.Diagnostics).Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Editing_one_record_regenerates_only_that_record()
    {
        const string First = """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record First([property: PrimaryKey] int Id, [property: ValueRange(0, 10)] int Score);
            """;
        const string Second = """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Second(int Id, string Name);
            """;
        var compilation = GeneratorHarness.CreateCompilation(First, Second);
        var driver = CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(source => source.HintName, source => source.SourceText.ToString());

        var original = compilation.SyntaxTrees.First();
        var edited = GeneratorHarness.Parse(First.Replace("ValueRange(0, 10)", "ValueRange(0, 100)", StringComparison.Ordinal), original.FilePath);
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(original, edited), TestContext.Current.CancellationToken)
            .GetRunResult().Results.Single();

        var reasons = result.TrackedSteps[TrackingNames.RecordSpecs]
            .SelectMany(step => step.Outputs)
            .Select(output => (((EtlRecordSpec)output.Value).Name, output.Reason))
            .ToList();
        Assert.Contains(("First", IncrementalStepRunReason.Modified), reasons);
        Assert.Contains(reasons, output => output.Name == "Second" && output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.DoesNotContain(reasons, output => output.Name == "Second" && output.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        var after = result.GeneratedSources.ToDictionary(source => source.HintName, source => source.SourceText.ToString());
        Assert.Equal(before["Sample.Second.EtlRecord.g.cs"], after["Sample.Second.EtlRecord.g.cs"]);
        Assert.Contains("MaxValue = 100,", after["Sample.First.EtlRecord.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_holds_no_compiler_objects()
    {
        var result = CreateDriver().RunGenerators(GeneratorHarness.CreateCompilation(Records), TestContext.Current.CancellationToken)
            .GetRunResult().Results.Single();

        var outputs = TrackingStepNames()
            .SelectMany(name => result.TrackedSteps[name])
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value)
            .ToList();

        Assert.Contains(outputs, value => value is Result<EtlRecordSpec?> { Value: not null, Diagnostics.IsEmpty: true });
        Assert.Contains(outputs, value => value is Result<EtlRecordSpec?> { Value: null, Diagnostics.IsEmpty: false });
        Assert.Empty(ModelWalker.FindCompilerObjects(outputs, "outputs"));
    }

    [Fact]
    public void The_model_walker_finds_a_compiler_object()
    {
        var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailed, null, "Customer", "boom");
        var holder = new { Diagnostic = diagnostic, Location = Location.None };

        Assert.Equal(["holder.<Location>i__Field: " + Location.None.GetType().FullName], ModelWalker.FindCompilerObjects(holder, "holder"));
    }

    [Fact]
    public void Editing_one_pipeline_file_reparses_and_regenerates_only_its_pipeline()
    {
        var first = new PipelineHarness.ProjectFile("first.etl.yaml", PipelineText("first", "out.jsonl"));
        var second = new PipelineHarness.ProjectFile("second.etl.yaml", PipelineText("second", "out.jsonl"));
        var compilation = GeneratorHarness.CreateCompilation(Records);
        var driver = PipelineHarness.CreateDriver(first, second).RunGenerators(compilation, TestContext.Current.CancellationToken);

        var result = driver.ReplaceAdditionalText(first, first.WithText(PipelineText("first", "other.jsonl")))
            .RunGenerators(compilation, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        var parsed = result.TrackedSteps[TrackingNames.ParsePipelines].SelectMany(step => step.Outputs)
            .Select(output => (((Result<PipelineDeclaration?>)output.Value).Value!.Name, output.Reason))
            .ToList();
        Assert.Contains(("first", IncrementalStepRunReason.Modified), parsed);
        Assert.Contains(parsed, output => output.Name == "second" && output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        var plans = result.TrackedSteps[TrackingNames.PipelinePlans].SelectMany(step => step.Outputs)
            .Select(output => (((PipelinePlan)output.Value).Pipeline.Name, output.Reason))
            .ToList();
        Assert.Contains(("first", IncrementalStepRunReason.Modified), plans);
        Assert.DoesNotContain(plans, output => output.Name == "second" && output.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        AssertAllCachedOrUnchanged(result.TrackedSteps[TrackingNames.ParseRecords], TrackingNames.ParseRecords);
        AssertAllCachedOrUnchanged(result.TrackedSteps[TrackingNames.Registry], TrackingNames.Registry);
    }

    [Fact]
    public void Editing_a_sample_reinfers_only_that_file_and_regenerates_only_its_record()
    {
        const string Sampled = """
            using AiEtl;
            namespace Sample;
            [EtlRecord(Sample = "a.csv")]
            public partial record struct FromA;
            [EtlRecord(Sample = "b.csv")]
            public partial record struct FromB;
            """;
        var a = new PipelineHarness.ProjectFile("a.csv", "id,score\n1,2\n");
        var b = new PipelineHarness.ProjectFile("b.csv", "id,name\n1,x\n");
        var compilation = GeneratorHarness.CreateCompilation(Sampled);
        var driver = PipelineHarness.CreateDriver(a, b).RunGenerators(compilation, TestContext.Current.CancellationToken);

        var result = driver.ReplaceAdditionalText(a, a.WithText("id,score\n1,2.5\n"))
            .RunGenerators(compilation, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        var samples = result.TrackedSteps[TrackingNames.RecordSamples].SelectMany(step => step.Outputs)
            .Select(output => (Path.GetFileName(((RecordSample)output.Value).FilePath), output.Reason))
            .ToList();
        Assert.Contains(("a.csv", IncrementalStepRunReason.Modified), samples);
        Assert.Contains(samples, output => output.Item1 == "b.csv" && output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        AssertAllCachedOrUnchanged(result.TrackedSteps[TrackingNames.ParseRecords], TrackingNames.ParseRecords);
        var specs = result.TrackedSteps[TrackingNames.RecordSpecs].SelectMany(step => step.Outputs)
            .Select(output => (((EtlRecordSpec)output.Value).Name, output.Reason))
            .ToList();
        Assert.Contains(("FromA", IncrementalStepRunReason.Modified), specs);
        Assert.DoesNotContain(specs, output => output.Name == "FromB" && output.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Contains("public double Score { get; init; }", result.GeneratedSources.Single(source => source.HintName == "Sample.FromA.EtlRecord.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    private static string PipelineText(string name, string output) => $"""
        pipeline:
          name: {name}
          source:
            type: csv
            record: Sample.Customer
            config:
              path: customers.csv
          destination:
            type: jsonl
            config:
              path: {output}
        """;

    // A pipeline over Customer and its CSV sample, so that every step of the pipeline half runs too.
    private static GeneratorDriver CreateDriver() => PipelineHarness.CreateDriver(
        new PipelineHarness.ProjectFile("customers.etl.yaml", PipelineText("customers", "out.jsonl")),
        new PipelineHarness.ProjectFile("customers.csv", "id,name,age,day,tags\n"));

    private static IEnumerable<string> TrackingStepNames()
    {
        return typeof(TrackingNames).GetFields().Select(field => (string)field.GetRawConstantValue()!);
    }

    private static void AssertAllCachedOrUnchanged(IEnumerable<IncrementalGeneratorRunStep> steps, string name)
    {
        foreach (var step in steps)
        {
            foreach (var (_, reason) in step.Outputs)
            {
                Assert.True(
                    reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step {name} ran again: {reason}.");
            }
        }
    }
}
