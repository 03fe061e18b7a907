using Microsoft.Data.Sqlite;

namespace AiEtl.IntegrationTests;

/// <summary>
/// Compiled YAML pipelines as a user gets them: samples/YamlPipelines runs its three <c>*.etl.yaml</c> pipelines
/// through the generated registry, and the outputs equal what the input says they must be; a project whose YAML
/// names a field its record lacks does not build, and the compiler prints the file, line, column and id.
/// </summary>
public sealed class YamlPipelinesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-yaml-pipelines-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_sample_runs_every_compiled_pipeline_and_each_output_is_exact()
    {
        var rows = File.ReadLines(RepositoryPaths.SampleData("customers.csv")).Skip(1).Select(Columns).ToList();
        var distinctIds = rows.Select(row => row[0]).Distinct().Count();
        var withAge = rows.Count(row => row[3].Length > 0);

        var (exitCode, output) = await ProcessRunner.RunDotnetAsync(_directory, RepositoryPaths.YamlPipelinesDll, "--out", "out");

        Assert.True(exitCode == 0, output);
        Assert.Contains("customers-to-sqlite (pipelines/customers-to-sqlite.etl.yaml, rows of Customer): succeeded", output, StringComparison.Ordinal);
        Assert.Contains($"active-customers-to-jsonl (pipelines/active-customers-to-jsonl.etl.yaml, rows of ActiveCustomer): succeeded, {rows.Count} extracted, {rows.Count - withAge} filtered, 0 failed, {withAge} loaded", output, StringComparison.Ordinal);
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "out", "customers.db")};Pooling=false"))
        {
            connection.Open();
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*), COUNT(DISTINCT id) FROM customers";
            using var reader = count.ExecuteReader();
            reader.Read();
            Assert.Equal((distinctIds, distinctIds), (reader.GetInt32(0), reader.GetInt32(1)));
        }

        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(_directory, "out", "active-customers.jsonl.gz")), System.IO.Compression.CompressionMode.Decompress);
        using var lines = new StreamReader(gzip);
        Assert.Equal(withAge, (await lines.ReadToEndAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(distinctIds, File.ReadLines(Path.Combine(_directory, "out", "customers-clean.csv")).Skip(1).Count());
    }

    [Fact]
    public async Task Running_the_merge_pipeline_twice_leaves_one_row_per_id()
    {
        await ProcessRunner.RunDotnetAsync(_directory, RepositoryPaths.YamlPipelinesDll, "--out", "out", "customers-to-sqlite");
        var (exitCode, output) = await ProcessRunner.RunDotnetAsync(_directory, RepositoryPaths.YamlPipelinesDll, "--out", "out", "customers-to-sqlite");

        Assert.True(exitCode == 0, output);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "out", "customers.db")};Pooling=false");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) - COUNT(DISTINCT id) FROM customers";
        Assert.Equal(0L, (long)count.ExecuteScalar()!);
    }

    [Fact]
    public async Task An_unknown_pipeline_name_is_a_clear_error_listing_the_pipelines()
    {
        var (exitCode, output) = await ProcessRunner.RunDotnetAsync(_directory, RepositoryPaths.YamlPipelinesDll, "nope");

        Assert.Equal(2, exitCode);
        Assert.Contains("No pipeline is named 'nope'; the pipelines are active-customers-to-jsonl, customers-quality, customers-to-sqlite.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_yaml_naming_a_field_the_record_lacks_fails_the_build_at_its_line()
    {
        File.WriteAllText(Path.Combine(_directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{RepositoryPaths.Root}/src/AiEtl/AiEtl.csproj" />
                <ProjectReference Include="{RepositoryPaths.Root}/generators/AiEtl.Generators/AiEtl.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <AdditionalFiles Include="*.etl.yaml" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_directory, "Order.cs"), """
            using AiEtl;
            namespace Consumer;
            [EtlRecord("orders")]
            public partial record struct Order([property: PrimaryKey] int Id, decimal Total);
            """);
        File.WriteAllText(Path.Combine(_directory, "orders.etl.yaml"), """
            pipeline:
              name: orders
              source:
                type: csv
                record: Consumer.Order
                config:
                  path: orders.csv
              transforms:
                - type: deduplicator
                  config:
                    key_fields: [order_id]
              destination:
                type: jsonl
                config:
                  path: orders.jsonl
            """);

        var (exitCode, output) = await ProcessRunner.RunAsync("dotnet", _directory, TimeSpan.FromMinutes(5), "build", "-c", RepositoryPaths.Configuration, "--nologo");

        Assert.NotEqual(0, exitCode);
        Assert.Contains(Path.Combine(_directory, "orders.etl.yaml") + "(11,22): error AIETL1105: pipeline.transforms[0].config.key_fields: 'order_id' is not a field of Order", output, StringComparison.Ordinal);
        Assert.DoesNotContain("error CS", output, StringComparison.Ordinal); // the registry lists only pipelines that compiled
    }

    // RFC 4180 fields of one line (the sample has no line breaks inside quotes), read independently of the library.
    private static string[] Columns(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
