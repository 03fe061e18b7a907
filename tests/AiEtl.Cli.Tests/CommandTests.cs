using System.Text.Json;

namespace AiEtl.Cli.Tests;

/// <summary><c>aietl schema infer</c> and <c>aietl init</c>, through the real process (cancellation by SIGINT is among the kill trials, <see cref="KillCases"/>).</summary>
public sealed class CommandTests
{
    [Fact]
    public async Task Schema_infer_prints_yaml_ready_to_paste_and_json_schema()
    {
        var yaml = await Aietl.RunAsync(Paths.Root, "schema", "infer", Paths.SampleData("customers.csv"));
        var json = await Aietl.RunAsync(Paths.Root, "schema", "infer", Paths.SampleData("customers.csv"), "--output", "json");

        Assert.True(yaml.ExitCode == 0, yaml.ToString());
        Assert.StartsWith("schema:\n  name: customers\n  fields:\n    - { name: id, type: integer", yaml.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: signup_date, type: date", yaml.Output, StringComparison.Ordinal);
        Assert.Contains("# confidence 1.00", yaml.Output, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.ToString());
        using var schema = JsonDocument.Parse(json.Output);
        Assert.Equal("integer", schema.RootElement.GetProperty("properties").GetProperty("id").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Init_writes_a_starter_pipeline_that_validates_and_runs()
    {
        using var dir = new TempDirectory();
        File.Copy(Paths.SampleData("customers.csv"), dir.File("customers.csv"));

        var init = await Aietl.RunAsync(dir.Path, "init", "customers.csv", "--out", "customers.yaml");
        var validate = await Aietl.RunAsync(dir.Path, "validate", "customers.yaml");
        var run = await Aietl.RunAsync(dir.Path, "run", "customers.yaml");
        var again = await Aietl.RunAsync(dir.Path, "init", "customers.csv", "--out", "customers.yaml");

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.True(validate.ExitCode == 0, validate.ToString() + File.ReadAllText(dir.File("customers.yaml")));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(File.ReadAllLines(dir.File("customers.csv")).Length - 1, Sqlite.Count(dir.File("customers.db"), "customers"));
        Assert.Equal(1, again.ExitCode);
    }
}
