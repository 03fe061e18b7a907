using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AiEtl.Generators;
using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AiEtl.Benchmarks.Generator;

/// <summary>
/// What the generator costs in a project of 50 <c>[EtlRecord]</c> types and 50 <c>*.etl.yaml</c> pipelines: a full
/// run (a fresh driver, as a clean build), and after a warm run the edit of one YAML file or of one unrelated C#
/// file (as the IDE re-runs it while you type). The edits must cost a small fraction of the full run.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int Count = 50;
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _editedCompilation = null!;
    private ImmutableArray<AdditionalText> _pipelines;
    private AdditionalText _editedPipeline = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        var records = Enumerable.Range(0, Count).Select(i => CSharpSyntaxTree.ParseText(Record(i), ParseOptions, $"Record{i}.cs")).ToList();
        var unrelated = CSharpSyntaxTree.ParseText("namespace Bench; public static class Unrelated { public static int Value => 1; }", ParseOptions, "Unrelated.cs");
        _compilation = CSharpCompilation.Create(
            "Bench",
            [.. records, unrelated],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(Schema).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _editedCompilation = _compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText("namespace Bench; public static class Unrelated { public static int Value => 2; }", ParseOptions, "Unrelated.cs"));
        _pipelines = [.. Enumerable.Range(0, Count).Select(i => (AdditionalText)new InMemoryFile($"/bench/pipelines/p{i}.etl.yaml", Pipeline(i, "out")))];
        _editedPipeline = new InMemoryFile("/bench/pipelines/p0.etl.yaml", Pipeline(0, "edited"));
        _warm = CreateDriver().RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true, Description = "full run, 50 records + 50 pipelines")]
    public GeneratorDriver FullRun() => CreateDriver().RunGenerators(_compilation);

    [Benchmark(Description = "one YAML file edited")]
    public GeneratorDriver OneYamlEdit() => _warm.ReplaceAdditionalText(_pipelines[0], _editedPipeline).RunGenerators(_compilation);

    [Benchmark(Description = "one unrelated C# file edited")]
    public GeneratorDriver OneCSharpEdit() => _warm.RunGenerators(_editedCompilation);

    private GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new EtlRecordGenerator().AsSourceGenerator()],
        additionalTexts: _pipelines,
        parseOptions: ParseOptions,
        optionsProvider: new ProjectOptions());

    private static string Record(int i) => $$"""
        using AiEtl;
        namespace Bench;
        [EtlRecord("table{{i}}")]
        public partial record struct Row{{i}}(
            [property: PrimaryKey] int Id,
            [property: Pattern("^[^@]+@[^@]+$")] string Email,
            [property: ValueRange(0, 150)] int? Age,
            string? Name,
            decimal Balance,
            DateOnly Since,
            DateTimeOffset Seen,
            bool Active,
            [property: JsonField] string Tags,
            string Country);
        """;

    private static string Pipeline(int i, string output) => string.Create(CultureInfo.InvariantCulture, $"""
        pipeline:
          name: pipeline-{i}
          execution:
            batch_size: 5000
          source:
            type: csv
            record: Bench.Row{i}
            config:
              path: data/table{i}.csv
          transforms:
            - type: null_remover
              config:
                strategy: impute
                impute:
                  age: median
            - type: quality_scorer
              config:
                min_score: 0.8
            - type: deduplicator
              config:
                key_fields: [id]
          destination:
            type: sqlite
            config:
              path: {output}/table{i}.db
              write_mode: merge
          error_handling:
            on_extract_error: skip
        """);

    private sealed class InMemoryFile(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class ProjectOptions : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = "Bench",
            ["build_property.ProjectDir"] = "/bench/",
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static Options Empty { get; } = new([]);

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
