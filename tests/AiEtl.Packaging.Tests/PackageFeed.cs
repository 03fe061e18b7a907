using System.Xml.Linq;

namespace AiEtl.Packaging.Tests;

/// <summary>
/// Packs the repository's packages once per test run into a local folder feed, in a temp folder that also holds the
/// consumer projects. The consumers restore through that folder's NuGet.config (the feed for AiEtl.Typed*, nuget.org
/// for the rest, as a user's machine does) into their own NUGET_PACKAGES folder, shared by all of them and new each
/// run, so a package cached by an earlier run with the same version can never stand in for the one just packed.
/// </summary>
public sealed class PackageFeed : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("aietl-packaging-").FullName;

    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The consumers' NUGET_PACKAGES folder.</summary>
    public string Packages => Path.Combine(Root, "packages");

    public string NuGetConfig => Path.Combine(Root, "NuGet.config");

    /// <summary>The version every package has: VersionPrefix in Directory.Build.props.</summary>
    public string Version { get; } = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"))
        .Descendants("VersionPrefix").Single().Value;

    /// <summary>Variables for every process that restores or runs a consumer.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = Packages };

    public ProcessOutcome? Pack { get; private set; }

    /// <summary>
    /// The RID the tool has a Native AOT package for when this machine can build it (linux-x64, where Native AOT does
    /// not cross-compile), else null: the feed then has no native package and the tests of it skip.
    /// </summary>
    public static string? NativeRid { get; } =
        System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier == "linux-x64" ? "linux-x64" : null;

    public async ValueTask InitializeAsync()
    {
        // scripts/pack.sh packs as a release does, in the configuration this test was built in, so a run after the
        // solution's build finds the libraries built: packages.slnf (the libraries and the tool's pointer package), then
        // the tool's framework-dependent package (-r any) and, on linux-x64, its Native AOT one (-r linux-x64), the one
        // AOT compile of the run.
        var pack = new Dictionary<string, string> { ["CONFIGURATION"] = RepositoryPaths.Configuration, ["NATIVE"] = NativeRid is null ? "0" : "1" };
        Pack = await Dotnet.ProcessAsync(
            "bash", RepositoryPaths.Root, pack, TimeSpan.FromMinutes(15), Path.Combine(RepositoryPaths.Root, "scripts", "pack.sh"), Feed);
        if (Pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/pack.sh failed: {Pack}");
        }

        await File.WriteAllTextAsync(NuGetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local">
                  <package pattern="AiEtl.Typed" />
                  <package pattern="AiEtl.Typed.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        // Nothing from the folders above (a Directory.Build.props of /tmp, say) reaches the consumers.
        await File.WriteAllTextAsync(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        await File.WriteAllTextAsync(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Builds a consumer (Release) and runs what it built, asserting both succeed and that the build warned of nothing;
    /// returns the run.
    /// </summary>
    public async Task<ProcessOutcome> BuildAndRunAsync(string consumer)
    {
        var build = await Dotnet.RunAsync(consumer, Environment, "build", "-c", "Release");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain(": warning ", build.Output, StringComparison.Ordinal);

        var run = await Dotnet.RunAsync(consumer, Environment, Path.Combine("bin", "Release", "net10.0", Path.GetFileName(consumer) + ".dll"));
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    /// <summary>
    /// A new console project under <see cref="Root"/>, as <c>dotnet new console</c> makes it, with warnings as errors and
    /// references to the packages named, and the files given.
    /// </summary>
    public string Consumer(string name, IEnumerable<string> packages, params (string Path, string Text)[] files)
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        var references = string.Concat(packages.Select(package => $"""

                <PackageReference Include="{package}" Version="{Version}" />
            """));
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>{references}
              </ItemGroup>
            </Project>

            """);
        foreach (var (path, text) in files)
        {
            var file = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        return directory;
    }
}
