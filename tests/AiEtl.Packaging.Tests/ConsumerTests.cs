using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace AiEtl.Packaging.Tests;

/// <summary>
/// Fresh projects that reference AiEtl.Typed and AiEtl.Typed.Sqlite from the local feed, as a user's do, written from
/// the docs: the record, program and CSV of docs/getting-started.md build with warnings as errors, run and load their
/// rows; the page's bad record fails the build with the line the page shows; the package README's program publishes
/// with Native AOT in one command and the native binary loads the same rows.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed partial class ConsumerTests(PackageFeed feed)
{
    private static readonly string GettingStarted = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "getting-started.md"));

    private static readonly string[] LoadedRows = ["1|ann@example.org|34", "2|bob@example.org|", "3|cy@example.org|58"];

    private static readonly string[] Packages = ["AiEtl.Typed", "AiEtl.Typed.Sqlite"];

    private const string Query = "SELECT id, email, age FROM customers ORDER BY id";

    [Fact]
    public async Task The_getting_started_pipeline_builds_without_warnings_runs_and_loads_its_rows_into_sqlite()
    {
        var consumer = feed.Consumer("CustomersLoad", Packages, ("Customer.cs", DocBlocks.CSharp(GettingStarted, 0)), ("Program.cs", DocBlocks.CSharp(GettingStarted, 1)), ("customers.csv", Csv()));

        var run = await feed.BuildAndRunAsync(consumer);

        Assert.Contains("3 rows loaded", run.Output, StringComparison.Ordinal);
        Assert.Equal(LoadedRows, SqliteRows.Read(Path.Combine(consumer, "customers.db"), Query));

        // The package's buildTransitive targets: a console program is a batch job, so dynamic PGO is off unless it says.
        Assert.Equal("false", TieredPgo(consumer));
    }

    [Fact]
    public async Task A_program_that_sets_tiered_pgo_keeps_its_setting()
    {
        var consumer = feed.Consumer("KeepsPgo", Packages, ("Program.cs", "System.Console.WriteLine(typeof(AiEtl.Record).Name);\n"));
        var project = Path.Combine(consumer, "KeepsPgo.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("<Nullable>enable</Nullable>", "<Nullable>enable</Nullable>\n    <TieredPGO>true</TieredPGO>", StringComparison.Ordinal));

        var run = await feed.BuildAndRunAsync(consumer);

        Assert.Contains("Record", run.Output, StringComparison.Ordinal);
        Assert.Equal("true", TieredPgo(consumer));
    }

    // System.Runtime.TieredPGO in the runtimeconfig.json of a consumer's Release build, or "unset".
    private static string TieredPgo(string consumer)
    {
        var path = Path.Combine(consumer, "bin", "Release", "net10.0", Path.GetFileName(consumer) + ".runtimeconfig.json");
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        return config.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty("System.Runtime.TieredPGO", out var value) ? value.ToString().ToLowerInvariant() : "unset";
    }

    [Fact]
    public async Task The_getting_started_record_with_an_object_property_fails_the_build_at_the_line_the_page_shows()
    {
        var record = DocBlocks.CSharp(GettingStarted, 0).Replace("int? Age", "object Age", StringComparison.Ordinal);
        var consumer = feed.Consumer("BadRecord", Packages, ("Customer.cs", record), ("Program.cs", "System.Console.WriteLine(\"never built\");\n"));
        var shown = ShownError().Match(GettingStarted);
        Assert.True(shown.Success, "docs/getting-started.md shows no AIETL0002 line");
        Assert.Equal($"Customer.cs{SourcePosition.Of(record, "object Age")}: error AIETL0002: ", shown.Value);

        var build = await Dotnet.RunAsync(consumer, feed.Environment, "build", "-c", "Release");

        Assert.NotEqual(0, build.ExitCode);
        var expected = Path.Combine(consumer, shown.Value);
        Assert.True(build.Output.Contains(expected, StringComparison.Ordinal), $"no line starting {expected} in {build}");
        Assert.DoesNotContain("error CS", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_package_readme_program_publishes_with_native_aot_in_one_command_and_the_native_binary_loads_the_rows()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "PACKAGE.md"));
        var consumer = feed.Consumer("NativeApp", Packages, ("Program.cs", DocBlocks.CSharp(readme, 0)));
        var published = Path.Combine(consumer, "native");

        var publish = await Dotnet.RunAsync(
            consumer, feed.Environment, "publish", "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-p:PublishAot=true", "-o", published);

        Assert.True(publish.ExitCode == 0, publish.ToString());
        Assert.False(File.Exists(Path.Combine(published, "NativeApp.dll")), "the publication still needs the JIT");
        var work = Directory.CreateDirectory(Path.Combine(consumer, "work")).FullName;
        File.WriteAllText(Path.Combine(work, "customers.csv"), Csv());
        var run = await Dotnet.ProcessAsync(Path.Combine(published, "NativeApp"), work, feed.Environment, TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("3 rows loaded", run.Output, StringComparison.Ordinal);
        Assert.Equal(LoadedRows, SqliteRows.Read(Path.Combine(work, "customers.db"), Query));
    }

    // The customers.csv of docs/getting-started.md.
    private static string Csv()
    {
        var block = CsvBlock().Match(GettingStarted);
        Assert.True(block.Success, "docs/getting-started.md shows no customers.csv");
        return block.Groups[1].Value;
    }

    [GeneratedRegex(@"^`customers\.csv`:\n\n```\n(.*?)```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CsvBlock();

    [GeneratedRegex(@"^Customer\.cs\(\d+,\d+\): error AIETL0002: ", RegexOptions.Multiline)]
    private static partial Regex ShownError();
}
