using System.Text.Json;

namespace AiEtl.Cli.Tests;

/// <summary><c>aietl schema infer</c>, <c>aietl init</c> and cancellation by SIGINT, through the real process.</summary>
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

    [Fact]
    public async Task Sigint_cancels_a_run_with_exit_130_and_leaves_only_committed_rows_which_a_rerun_completes()
    {
        using var dir = new TempDirectory();
        const int Rows = 400_000;
        using (var writer = new StreamWriter(dir.File("big.csv")))
        {
            writer.Write("id,name,amount\n");
            for (var i = 1; i <= Rows; i++)
            {
                writer.Write($"{i},name-{i},{i % 1000}.25\n");
            }
        }

        var pipeline = dir.Write("big.yaml", "pipeline:\n  name: big-load\n  execution:\n    batch_size: 500\n  source:\n    type: csv\n    config:\n      path: big.csv\n    state_file: .state/big.json\n    schema:\n      primary_key: [id]\n      fields:\n        - { name: id, type: integer }\n        - { name: name, type: string }\n        - { name: amount, type: decimal }\n  destination:\n    type: sqlite\n    config:\n      path: big.db\n      table: rows\n  monitoring:\n    progress_interval_seconds: 0.1\n");
        using var process = Aietl.Start(dir.Path, new Dictionary<string, string?>(), "run", pipeline, "--output", "json");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var loadedSome = new TaskCompletionSource();
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }

            if (e.Data is { } line && line.Contains("loaded", StringComparison.Ordinal) && !line.Contains("loaded            0", StringComparison.Ordinal))
            {
                loadedSome.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        await loadedSome.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        Aietl.Interrupt(process);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{await output}\n{errors}");
        using var summary = JsonDocument.Parse(await output);
        Assert.True(summary.RootElement.GetProperty("cancelled").GetBoolean());
        var loaded = summary.RootElement.GetProperty("records_loaded").GetInt64();
        Assert.InRange(loaded, 1, Rows - 1);
        Assert.Equal(loaded, Sqlite.Count(dir.File("big.db"), "rows"));

        var rerun = await Aietl.RunAsync(dir.Path, "run", pipeline);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(Rows, Sqlite.Count(dir.File("big.db"), "rows"));
        Assert.Equal((long)Rows, Sqlite.Scalar(dir.File("big.db"), "SELECT COUNT(DISTINCT id) FROM rows"));
    }
}
