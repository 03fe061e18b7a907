using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AiEtl.Generators.Tests.Infrastructure;

/// <summary>
/// Runs the generator over C# sources and additional files (<c>*.etl.yaml</c> pipelines, CSV samples) in a project
/// folder <see cref="ProjectDirectory"/> with root namespace <c>Sample</c>, against every adapter assembly and
/// Microsoft.Extensions.DependencyInjection.Abstractions, as a consumer's build would.
/// </summary>
internal static class PipelineHarness
{
    public const string ProjectDirectory = "/src/Sample/";

    private static readonly ImmutableArray<MetadataReference> AdapterReferences =
    [
        MetadataReference.CreateFromFile(typeof(AiEtl.Sqlite.SqliteDestinationOptions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(AiEtl.Postgres.PostgresDestinationOptions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Npgsql.NpgsqlDataSource).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILoggerFactory).Assembly.Location),
        // A project that uses dependency injection gets services.AddAiEtl().
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
    ];

    /// <summary>A file of the project: its path under <see cref="ProjectDirectory"/> and its text.</summary>
    public sealed class ProjectFile(string relativePath, string text) : AdditionalText
    {
        public override string Path { get; } = ProjectDirectory + relativePath;

        public string Text { get; } = text;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(Text);

        /// <summary>The same file with other text, as an edit in the IDE gives it.</summary>
        public ProjectFile WithText(string newText) => new(Path.Substring(ProjectDirectory.Length), newText);
    }

    /// <summary>Every assembly a compilation of the harness references, for a workspace that must bind the same code.</summary>
    public static IEnumerable<MetadataReference> References => GeneratorHarness.CreateCompilation().AddReferences(AdapterReferences).References;

    public static GeneratorRun Run(IReadOnlyList<string> sources, params AdditionalText[] files)
    {
        var (driver, compilation) = Create(sources, files);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(output, diagnostics, driver.GetRunResult().Results.Single());
    }

    public static (GeneratorDriver Driver, Compilation Compilation) Create(IReadOnlyList<string> sources, params AdditionalText[] files)
    {
        var compilation = GeneratorHarness.CreateCompilation([.. sources]).AddReferences(AdapterReferences);
        return (CreateDriver(files), compilation);
    }

    /// <summary>A driver that gives the generator <paramref name="files"/> as additional files and records every step.</summary>
    public static GeneratorDriver CreateDriver(params AdditionalText[] files)
    {
        return CSharpGeneratorDriver.Create(
            [new EtlRecordGenerator().AsSourceGenerator()],
            additionalTexts: [.. files],
            parseOptions: GeneratorHarness.ParseOptions,
            optionsProvider: new ProjectOptions(),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>The build properties a project passes to analyzers by default.</summary>
    private sealed class ProjectOptions : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = "Sample",
            ["build_property.ProjectDir"] = ProjectDirectory,
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
