using System.Text.Json;

namespace AiEtl.Cli.Tests;

/// <summary><c>aietl scan</c> and the evidence of <c>aietl schema infer</c>, through the real process.</summary>
public sealed class ScanTests
{
    private const string People = "name,email,card,order_number,signup\nMary Okafor,mary@example.com,4111 1111 1111 1111,100234987,2024-05-01\nJames Haddad,james@example.org,5500-0000-0000-0004,100234988,2024-05-02\n";

    [Fact]
    public async Task Scan_of_a_csv_file_names_each_sensitive_column_with_its_kind_score_and_evidence()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("people.csv", People);

        var text = await Aietl.RunAsync(dir.Path, "scan", file);
        var json = await Aietl.RunAsync(dir.Path, "scan", file, "--output", "json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("3 of 5 columns hold sensitive data", text.Output, StringComparison.Ordinal);
        Assert.Matches(@"card\s+CreditCard\s+1\.00", text.Output);
        Assert.Matches(@"order_number\s+-\s", text.Output);
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Output);
        var columns = document.RootElement.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(["person_name", "email", "credit_card", null, null], columns.Select(c => c.GetProperty("kind").GetString()));
        Assert.False(columns[4].GetProperty("sensitive").GetBoolean());
    }

    [Fact]
    public async Task Scan_of_a_pipeline_reads_its_csv_source_with_its_options_and_an_invalid_pipeline_exits_2()
    {
        using var dir = new TempDirectory();
        dir.Write("people.csv", People.Replace(',', ';'));
        var pipeline = dir.Write("p.yaml", "pipeline:\n  name: people\n  source:\n    type: csv\n    config:\n      path: people.csv\n      delimiter: \";\"\n  destination:\n    type: jsonl\n    config:\n      path: out.jsonl\n");
        var invalid = dir.Write("bad.yaml", "pipeline:\n  name: bad\n  source:\n    type: csv\n");

        var run = await Aietl.RunAsync(dir.Path, "scan", pipeline);
        var bad = await Aietl.RunAsync(dir.Path, "scan", invalid);
        var missing = await Aietl.RunAsync(dir.Path, "scan", "nowhere.csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("3 of 5 columns hold sensitive data", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("nowhere.csv: no such file", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_infer_full_reads_every_row_and_names_the_unsure_column_its_counterexample_and_row()
    {
        using var dir = new TempDirectory();
        var rows = string.Concat(Enumerable.Range(1, 3000).Select(i => i == 2718 ? "2718,lots\n" : $"{i},{i % 7}\n"));
        var file = dir.Write("counts.csv", "id,count\n" + rows);

        var full = await Aietl.RunAsync(dir.Path, "schema", "infer", file, "--full", "--evidence");

        Assert.True(full.ExitCode == 0, full.ToString());
        Assert.StartsWith("schema:\n  name: counts\n", full.Output, StringComparison.Ordinal);
        Assert.Contains("# sampled 3000 rows (every row)", full.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: count, type: integer, nullable: false }  # confidence 1.00", full.Output, StringComparison.Ordinal);
        Assert.Contains("'lots' (row 2718)", full.Output, StringComparison.Ordinal);
        Assert.Contains("#   2999 integer:", full.Output, StringComparison.Ordinal);
    }
}
