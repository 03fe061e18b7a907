using System.IO.Compression;
using System.Xml.Linq;

namespace AiEtl.Packaging.Tests;

/// <summary>What is inside each package the pack made: the files a user's build needs, and the metadata nuget.org shows.</summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageContentTests(PackageFeed feed)
{
    public static TheoryData<string> Ids => ["AiEtl.Typed", "AiEtl.Typed.Sqlite", "AiEtl.Typed.Postgres", "AiEtl.Typed.Cli"];

    [Fact]
    public void The_pack_makes_the_four_packages_each_with_its_symbols()
    {
        var made = Directory.GetFiles(feed.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var expected = Ids.SelectMany(row => new[] { $"{row.Data}.{feed.Version}.nupkg", $"{row.Data}.{feed.Version}.snupkg" }).Order(StringComparer.Ordinal);

        Assert.Equal(expected, made);
    }

    [Fact]
    public void AiEtl_Typed_holds_the_runtime_the_generator_with_its_dependencies_and_the_props_that_hand_it_the_yaml_files()
    {
        using var package = Open("AiEtl.Typed");
        var files = package.Entries.Select(entry => entry.FullName).ToHashSet();

        Assert.Contains("lib/net10.0/AiEtl.dll", files);
        Assert.Contains("lib/net10.0/AiEtl.xml", files);
        Assert.Contains("analyzers/dotnet/cs/AiEtl.Generators.dll", files);
        Assert.Contains("analyzers/dotnet/cs/AiEtl.Configuration.dll", files);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", files);
        Assert.Contains("buildTransitive/AiEtl.Typed.props", files);
        var props = XDocument.Load(package.GetEntry("buildTransitive/AiEtl.Typed.props")!.Open());
        Assert.Contains(props.Descendants("AdditionalFiles"), item => (string?)item.Attribute("Include") == "**/*.etl.yaml");
        // The generator and the configuration library travel inside this package, not as packages of their own.
        var dependencies = Nuspec(package).Descendants(Nuspec(package).Root!.Name.Namespace + "dependency").Select(d => (string)d.Attribute("id")!).ToList();
        Assert.DoesNotContain(dependencies, id => id.StartsWith("AiEtl", StringComparison.Ordinal));
        Assert.Contains("CsvHelper", dependencies);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_package_has_the_version_the_readme_the_license_and_the_repository(string id)
    {
        using var package = Open(id);
        var nuspec = Nuspec(package);
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal(id, metadata.Element(ns + "id")!.Value);
        Assert.Equal(feed.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.NotNull(package.GetEntry("README.md"));
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.StartsWith("https://", (string?)repository.Attribute("url"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_sqlite_and_postgres_packages_bring_AiEtl_Typed_with_its_generator_and_props()
    {
        foreach (var id in new[] { "AiEtl.Typed.Sqlite", "AiEtl.Typed.Postgres" })
        {
            using var package = Open(id);
            var nuspec = Nuspec(package);
            var runtime = nuspec.Descendants(nuspec.Root!.Name.Namespace + "dependency").Single(d => (string?)d.Attribute("id") == "AiEtl.Typed");
            Assert.Equal(feed.Version, (string?)runtime.Attribute("version"));
            // Without "exclude" the analyzers and buildTransitive assets flow to a project that references only this package.
            Assert.Null(runtime.Attribute("exclude"));
        }
    }

    private ZipArchive Open(string id) => ZipFile.OpenRead(Path.Combine(feed.Feed, $"{id}.{feed.Version}.nupkg"));

    private static XDocument Nuspec(ZipArchive package)
    {
        var entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
