using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiEtl.Generators.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="EtlRecordGenerator"/> in-process with <see cref="CSharpGeneratorDriver"/>, over the .NET 10
/// reference assemblies and AiEtl.dll, as the compiler would in a consumer's build.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>C# latest; documentation comments are checked, so a malformed generated one is a warning.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            // The inputs are small samples without documentation comments.
            ["CS1591"] = ReportDiagnostic.Suppress,
        });

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(Schema).Assembly.Location),
    ];

    /// <summary>The path of the <paramref name="index"/>th input file.</summary>
    public static string InputPath(int index) => $"Input{index}.cs";

    /// <summary>Parses a source file the way the compilation does.</summary>
    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    /// <summary>The global usings that the SDK's ImplicitUsings adds to a net10.0 project.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>
    /// A compilation of <paramref name="sources"/>, named <c>Input0.cs</c>, <c>Input1.cs</c>, ..., with the implicit
    /// usings of a net10.0 project.
    /// </summary>
    public static CSharpCompilation CreateCompilation(params string[] sources)
    {
        return CSharpCompilation.Create(
            "Input",
            [.. sources.Select((source, index) => Parse(source, InputPath(index))), Parse(ImplicitUsings, "ImplicitUsings.cs")],
            References,
            CompilationOptions);
    }

    /// <summary>A driver for the generator that records every step, for the incrementality tests.</summary>
    public static GeneratorDriver CreateDriver()
    {
        return CSharpGeneratorDriver.Create(
            [new EtlRecordGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Compiles <paramref name="sources"/> and runs the generator over them.</summary>
    public static GeneratorRun Run(params string[] sources)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(CreateCompilation(sources), out var output, out var diagnostics);
        return new GeneratorRun(output, diagnostics, driver.GetRunResult().Results.Single());
    }
}
