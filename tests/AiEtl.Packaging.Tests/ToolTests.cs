namespace AiEtl.Packaging.Tests;

/// <summary>The aietl tool package installs from the feed as a dotnet tool and runs a YAML pipeline without compiling.</summary>
[Collection(PackagesCollection.Name)]
public sealed class ToolTests(PackageFeed feed)
{
    [Fact]
    public async Task The_aietl_tool_installs_from_the_feed_validates_and_runs_a_pipeline()
    {
        var directory = Directory.CreateDirectory(Path.Combine(feed.Root, "tool")).FullName;
        var tools = Path.Combine(directory, "tools");
        var install = await Dotnet.RunAsync(
            directory, feed.Environment, "tool", "install", "AiEtl.Typed.Cli", "--version", feed.Version, "--tool-path", tools, "--configfile", feed.NuGetConfig);
        Assert.True(install.ExitCode == 0, install.ToString());
        var aietl = Path.Combine(tools, "aietl");
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

        var bad = await Dotnet.ProcessAsync(aietl, directory, feed.Environment, TimeSpan.FromMinutes(1), "validate", "bad.yaml");
        var run = await Dotnet.ProcessAsync(aietl, directory, feed.Environment, TimeSpan.FromMinutes(1), "run", "load.yaml");

        Assert.True(bad.ExitCode == 2, bad.ToString());
        Assert.Matches(@"bad\.yaml\(4,\d+\): error AIETL1\d{3}: ", bad.Output);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["2"], SqliteRows.Read(Path.Combine(directory, "customers.db"), "SELECT count(*) FROM customers"));
    }
}
