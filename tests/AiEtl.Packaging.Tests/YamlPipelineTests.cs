namespace AiEtl.Packaging.Tests;

/// <summary>
/// A consumer of AiEtl.Typed.Sqlite alone with a pipeline in a <c>*.etl.yaml</c> file and no csproj line for it: the
/// buildTransitive props of AiEtl.Typed, which comes with it, hand the file to the generator, which compiles it into a typed pipeline class; a field name
/// the record does not have fails the build at its line and column in the YAML file.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class YamlPipelineTests(PackageFeed feed)
{
    private static readonly string GettingStarted = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "getting-started.md"));

    // The record, the pipeline file and its program, as docs/getting-started.md shows them.
    private static readonly string Record = DocBlocks.CSharp(GettingStarted, 0);
    private static readonly string Program = DocBlocks.CSharp(GettingStarted, 2);
    private static readonly string Pipeline = DocBlocks.Yaml(GettingStarted, 0);

    private const string Customers = """
        id,email,age
        1,ann@example.org,34
        2,bob@example.org,
        1,ann@example.org,34
        3,cy@example.org,58

        """;

    // Only the adapter package: AiEtl.Typed, its generator and its props come with it as a dependency.
    private static readonly string[] Packages = ["AiEtl.Typed.Sqlite"];

    [Fact]
    public async Task A_yaml_pipeline_in_a_subfolder_compiles_into_a_typed_class_that_runs_and_loads_the_rows()
    {
        var consumer = feed.Consumer("CustomersLoad", Packages, ("Customer.cs", Record), ("Program.cs", Program), ("pipelines/customers.etl.yaml", Pipeline), ("customers.csv", Customers));

        var run = await feed.BuildAndRunAsync(consumer);

        Assert.Contains("3 rows loaded", run.Output, StringComparison.Ordinal);
        Assert.Equal(["1|ann@example.org", "2|bob@example.org", "3|cy@example.org"], SqliteRows.Read(Path.Combine(consumer, "customers.db"), "SELECT id, email FROM customers ORDER BY id"));
    }

    [Fact]
    public async Task A_yaml_pipeline_naming_a_field_the_record_lacks_fails_the_build_at_its_yaml_line_and_column()
    {
        var bad = Pipeline.Replace("key_fields: [email]", "key_fields: [emial]", StringComparison.Ordinal);
        var consumer = feed.Consumer("BadYaml", Packages, ("Customer.cs", Record), ("Program.cs", Program), ("pipelines/customers.etl.yaml", bad), ("customers.csv", Customers));

        var build = await Dotnet.RunAsync(consumer, feed.Environment, "build", "-c", "Release");

        Assert.NotEqual(0, build.ExitCode);
        var expected = $"{Path.Combine(consumer, "pipelines", "customers.etl.yaml")}{SourcePosition.Of(bad, "emial")}: error AIETL1105: ";
        Assert.True(build.Output.Contains(expected, StringComparison.Ordinal), $"no line starting {expected} in {build}");
        Assert.Contains("did you mean 'email'?", build.Output, StringComparison.Ordinal);
        Assert.Contains($"pipelines/customers.etl.yaml{SourcePosition.Of(bad, "emial")}: error AIETL1105: ", GettingStarted, StringComparison.Ordinal); // the page shows the real line
    }
}
