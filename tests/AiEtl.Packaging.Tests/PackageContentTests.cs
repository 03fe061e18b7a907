using System.IO.Compression;
using System.Xml.Linq;

namespace AiEtl.Packaging.Tests;

/// <summary>What is inside each package the pack made: the files a user's build needs, and the metadata nuget.org shows.</summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageContentTests(PackageFeed feed)
{
    /// <summary>Every package the pack makes; the tool's native one only where it can be built.</summary>
    public static TheoryData<string> Ids => new(
        new[] { "AiEtl.Typed", "AiEtl.Typed.Sqlite", "AiEtl.Typed.Postgres", "AiEtl.Typed.Cli", "AiEtl.Typed.Cli.any" }
            .Concat(PackageFeed.NativeRid is { } rid ? [$"AiEtl.Typed.Cli.{rid}"] : []));

    /// <summary>The packages with code to debug: the tool's pointer has none, its native package its symbols compiled in.</summary>
    private static readonly string[] WithSymbols = ["AiEtl.Typed", "AiEtl.Typed.Sqlite", "AiEtl.Typed.Postgres", "AiEtl.Typed.Cli.any"];

    [Fact]
    public void The_pack_makes_every_package_and_the_symbols_of_those_with_code()
    {
        var made = Directory.GetFiles(feed.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var expected = Ids.Select(row => $"{row.Data}.{feed.Version}.nupkg")
            .Concat(WithSymbols.Select(id => $"{id}.{feed.Version}.snupkg"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, made);
    }

    [Fact]
    public void AiEtl_Typed_Cli_points_at_the_native_package_for_linux_x64_and_the_framework_dependent_one_for_any_other()
    {
        using var package = Open("AiEtl.Typed.Cli");
        var settings = XDocument.Load(package.GetEntry("tools/any/any/DotnetToolSettings.xml")!.Open());
        var rids = settings.Descendants("RuntimeIdentifierPackage").ToDictionary(p => (string)p.Attribute("RuntimeIdentifier")!, p => (string)p.Attribute("Id")!);

        Assert.Equal("aietl", (string?)settings.Descendants("Command").Single().Attribute("Name"));
        Assert.Equal(new Dictionary<string, string> { ["linux-x64"] = "AiEtl.Typed.Cli.linux-x64", ["any"] = "AiEtl.Typed.Cli.any" }, rids);
        // A pointer: no code of its own.
        Assert.DoesNotContain(package.Entries, entry => entry.FullName.EndsWith(".dll", StringComparison.Ordinal));
    }

    [Fact]
    public void AiEtl_Typed_Cli_any_is_the_framework_dependent_tool_for_any_net10_runtime()
    {
        using var package = Open("AiEtl.Typed.Cli.any");
        var settings = XDocument.Load(package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
        var command = settings.Descendants("Command").Single();
        using var runtimeConfig = new StreamReader(package.GetEntry("tools/net10.0/any/AiEtl.Cli.runtimeconfig.json")!.Open());

        Assert.Equal("AiEtl.Cli.dll", (string?)command.Attribute("EntryPoint"));
        Assert.Equal("dotnet", (string?)command.Attribute("Runner"));
        // 10.0.0, not the SDK's newest patch (PublishAot would ask for it): any .NET 10 runtime runs the tool.
        var config = runtimeConfig.ReadToEnd();
        Assert.Contains("\"version\": \"10.0.0\"", config, StringComparison.Ordinal);
        // The one-shot process runs faster without dynamic PGO (docs/benchmarks.md).
        Assert.Contains("\"System.Runtime.TieredPGO\": false", config, StringComparison.Ordinal);
        Assert.DoesNotContain(package.Entries, entry => entry.FullName.StartsWith("tools/", StringComparison.Ordinal) && entry.FullName.EndsWith(".xml", StringComparison.Ordinal) && entry.Name != "DotnetToolSettings.xml");
    }

    [Fact]
    public void AiEtl_Typed_Cli_linux_x64_holds_the_native_executable_and_sqlite_only()
    {
        Assert.SkipWhen(PackageFeed.NativeRid is null, "the native package is built on linux-x64 only");
        using var package = Open("AiEtl.Typed.Cli.linux-x64");
        var tools = package.Entries.Where(entry => entry.FullName.StartsWith("tools/", StringComparison.Ordinal)).Select(entry => entry.FullName).Order(StringComparer.Ordinal);
        var settings = XDocument.Load(package.GetEntry("tools/any/linux-x64/DotnetToolSettings.xml")!.Open());
        var command = settings.Descendants("Command").Single();

        Assert.Equal(["tools/any/linux-x64/AiEtl.Cli", "tools/any/linux-x64/DotnetToolSettings.xml", "tools/any/linux-x64/libe_sqlite3.so"], tools);
        Assert.Equal("AiEtl.Cli", (string?)command.Attribute("EntryPoint"));
        Assert.Equal("executable", (string?)command.Attribute("Runner"));
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
