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

    [Fact]
    public async Task Scan_output_yaml_is_a_schema_whose_sensitive_fields_the_run_masks_in_dead_letter_rows()
    {
        using var dir = new TempDirectory();
        var sample = dir.Write("sample.csv", "id,email,card,qty\n" + string.Concat(Enumerable.Range(1, 20).Select(i => $"{i},person{i}@example.com,4111 1111 1111 1111,{i}\n")));
        dir.Write("in.csv", "id,email,card,qty\n1,mary@example.com,4111 1111 1111 1111,3\n2,james@example.org,5500-0000-0000-0004,lots\n");

        var scan = await Aietl.RunAsync(dir.Path, "scan", sample, "--output", "yaml");

        Assert.True(scan.ExitCode == 0, scan.ToString());
        Assert.Contains("- { name: email, type: string, nullable: false, sensitive: email }", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: card, type: string, nullable: false, sensitive: credit_card }", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: qty, type: integer, nullable: false }", scan.Output, StringComparison.Ordinal);
        Assert.Contains("# email: sensitive: email (Email: 100 % of 20 values match", scan.Output, StringComparison.Ordinal);
        var masked = await RunWithSchemaAsync(dir, "masked", scan.Output);
        var plain = await RunWithSchemaAsync(dir, "plain", scan.Output.Replace(", sensitive: email", "", StringComparison.Ordinal).Replace(", sensitive: credit_card", "", StringComparison.Ordinal));

        // The row with qty "lots" is dead-lettered; with the pasted schema its e-mail and card are masked, without it they are not.
        Assert.DoesNotContain("james@example.org", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("5500-0000-0000-0004", masked, StringComparison.Ordinal);
        Assert.Contains("lots", masked, StringComparison.Ordinal);
        Assert.Contains("james@example.org", plain, StringComparison.Ordinal);
    }

    // Runs a pipeline over in.csv with the schema YAML pasted under source, and returns its dead-letter file.
    private static async Task<string> RunWithSchemaAsync(TempDirectory dir, string name, string schemaYaml)
    {
        var schema = string.Concat(schemaYaml.Split('\n').Where(l => l.Length > 0).Select(l => "    " + l + "\n"));
        var pipeline = dir.Write(name + ".yaml", $"pipeline:\n  name: {name}\n  source:\n    type: csv\n    config:\n      path: in.csv\n{schema}  destination:\n    type: jsonl\n    config:\n      path: {name}.jsonl\n  error_handling:\n    on_extract_error: skip\n    dead_letter_queue: {name}.dlq.jsonl\n");
        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);
        Assert.True(run.ExitCode == 0, run.ToString());
        return File.ReadAllText(dir.File(name + ".dlq.jsonl"));
    }
}
