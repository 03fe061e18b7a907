using System.Reflection;
using AiEtl.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AiEtl.Generators.Tests;

/// <summary>Every diagnostic id is documented, tracked for release and tested.</summary>
public sealed class DiagnosticCatalogTests
{
    public static TheoryData<string> Ids() => [.. Descriptors().Select(descriptor => descriptor.Id)];

    [Fact]
    public void Ids_are_unique_and_well_formed()
    {
        var ids = Descriptors().Select(descriptor => descriptor.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^AIETL[0-9]{4}$", id));
        Assert.All(Descriptors(), descriptor => Assert.Equal("AiEtl", descriptor.Category));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_has_a_documentation_page(string id)
    {
        var page = Path.Combine(RepositoryPaths.Root, "docs", "diagnostics", id + ".md");

        Assert.True(File.Exists(page), $"{page} is missing.");
        Assert.StartsWith($"# {id}:", File.ReadAllText(page));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_is_tracked_for_release(string id)
    {
        var unshipped = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "generators", "AiEtl.Generators", "AnalyzerReleases.Unshipped.md"));

        Assert.Single(unshipped, line => line.StartsWith(id + " |", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_has_a_test(string id)
    {
        var tests = typeof(DiagnosticTests).GetMethods().Where(method => method.GetCustomAttribute<FactAttribute>() is not null);

        Assert.Contains(tests, method => method.Name.StartsWith(id + "_", StringComparison.Ordinal));
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors()
    {
        return typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);
    }
}
