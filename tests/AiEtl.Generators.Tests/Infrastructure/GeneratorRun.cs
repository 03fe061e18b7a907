using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AiEtl.Generators.Tests.Infrastructure;

/// <summary>What one run of the generator produced.</summary>
/// <param name="OutputCompilation">The input compilation with the generated files added.</param>
/// <param name="Diagnostics">The diagnostics the generator reported.</param>
/// <param name="Result">The generator's run result: generated sources and tracked steps.</param>
internal sealed record GeneratorRun(
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> Diagnostics,
    GeneratorRunResult Result)
{
    /// <summary>The text of the one generated file, checking that there is exactly one, with the expected hint name.</summary>
    public string SingleSource(string hintName)
    {
        var source = Assert.Single(Result.GeneratedSources);
        Assert.Equal(hintName, source.HintName);
        return source.SourceText.ToString();
    }

    /// <summary>
    /// Fails unless the generator reported no warning or error (information, such as how a destination stores a
    /// field, is allowed) and the output compiles without a warning or an error.
    /// </summary>
    public void AssertCompilesCleanly()
    {
        Assert.Null(Result.Exception);
        Assert.Empty(Diagnostics.Where(static diagnostic => diagnostic.Severity > DiagnosticSeverity.Info));
        var problems = OutputCompilation.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .Select(diagnostic => diagnostic.ToString())
            .ToList();
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems));
    }
}
