namespace AiEtl.Packaging.Tests;

/// <summary>
/// The aietl tool installs from the feed as a dotnet tool and runs a YAML pipeline without compiling: AiEtl.Typed.Cli, a
/// RID-specific tool, installs the Native AOT binary on linux-x64; AiEtl.Typed.Cli.any is the framework-dependent tool
/// the pointer package installs on every other platform (installed here by its own id, the way to get it on linux-x64).
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ToolTests(PackageFeed feed)
{
    [Fact]
    public async Task On_linux_x64_the_aietl_tool_installs_the_native_binary_which_runs_without_dotnet()
    {
        Assert.SkipWhen(PackageFeed.NativeRid is null, "the native package is built on linux-x64 only");
        var (directory, tools) = await InstallAsync("native", "AiEtl.Typed.Cli");

        // The pointer package resolved to AiEtl.Typed.Cli.linux-x64: the command is the native executable, no assembly.
        var files = Directory.GetFiles(tools, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain("AiEtl.Cli.dll", files);
        Assert.Contains("libe_sqlite3.so", files);
        var command = new FileInfo(Path.Combine(tools, "aietl"));
        var executable = command.ResolveLinkTarget(returnFinalTarget: true) ?? command;
        Assert.Equal("AiEtl.Cli", executable.Name);
        var header = new byte[4];
        using (var stream = File.OpenRead(executable.FullName))
        {
            stream.ReadExactly(header);
        }

        Assert.Equal("\u007fELF"u8.ToArray(), header);

        // No dotnet on PATH and no DOTNET_ROOT: a framework-dependent tool could not start.
        var noDotnet = Directory.CreateDirectory(Path.Combine(directory, "empty-path")).FullName;
        var environment = new Dictionary<string, string>(feed.Environment) { ["PATH"] = noDotnet, ["DOTNET_ROOT"] = "" };
        await ValidatesAndRunsAsync(Path.Combine(tools, "aietl"), directory, environment);
    }

    [Fact]
    public async Task The_framework_dependent_aietl_tool_installs_from_the_feed_validates_and_runs_a_pipeline()
    {
        var (directory, tools) = await InstallAsync("jit", "AiEtl.Typed.Cli.any");

        var files = Directory.GetFiles(tools, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains("AiEtl.Cli.dll", files);
        Assert.Contains("AiEtl.Cli.runtimeconfig.json", files);
        await ValidatesAndRunsAsync(Path.Combine(tools, "aietl"), directory, feed.Environment);
    }

    private async Task<(string Directory, string Tools)> InstallAsync(string name, string package)
    {
        var directory = Directory.CreateDirectory(Path.Combine(feed.Root, "tool-" + name)).FullName;
        var tools = Path.Combine(directory, "tools");
        var install = await Dotnet.RunAsync(
            directory, feed.Environment, "tool", "install", package, "--version", feed.Version, "--tool-path", tools, "--configfile", feed.NuGetConfig);
        Assert.True(install.ExitCode == 0, install.ToString());
        return (directory, tools);
    }

    private static async Task ValidatesAndRunsAsync(string aietl, string directory, IReadOnlyDictionary<string, string> environment)
    {
        File.WriteAllText(Path.Combine(directory, "customers.csv"), "id,email\n1,ann@example.org\n2,bob@example.org\n");
        File.WriteAllText(Path.Combine(directory, "load.yaml"), """
            pipeline:
              name: customers
              source:
                type: csv
                config:
                  path: customers.csv
              destination:
                type: sqlite
                config:
                  path: customers.db
                  table: customers

            """);
        File.WriteAllText(Path.Combine(directory, "bad.yaml"), File.ReadAllText(Path.Combine(directory, "load.yaml")).Replace("type: csv", "type: spreadsheet", StringComparison.Ordinal));

        var good = await Dotnet.ProcessAsync(aietl, directory, environment, TimeSpan.FromMinutes(1), "validate", "load.yaml");
        var bad = await Dotnet.ProcessAsync(aietl, directory, environment, TimeSpan.FromMinutes(1), "validate", "bad.yaml");
        var run = await Dotnet.ProcessAsync(aietl, directory, environment, TimeSpan.FromMinutes(1), "run", "load.yaml");

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.True(bad.ExitCode == 2, bad.ToString());
        Assert.Matches(@"bad\.yaml\(4,\d+\): error AIETL1\d{3}: ", bad.Output);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["2"], SqliteRows.Read(Path.Combine(directory, "customers.db"), "SELECT count(*) FROM customers"));
        Assert.Equal(["ann@example.org", "bob@example.org"], SqliteRows.Read(Path.Combine(directory, "customers.db"), "SELECT email FROM customers ORDER BY id"));
    }
}
