using System.Text;

namespace AiEtl.Cli.Tests;

/// <summary>The progress of <c>aietl run</c>: a live status line on a terminal, plain lines when redirected, the summary after both.</summary>
public sealed class ProgressTests
{
    private const string Redraw = "\r\u001b[2K";

    [Fact]
    public async Task On_a_terminal_the_status_line_is_redrawn_with_percent_and_rate_then_the_summary_follows()
    {
        Assert.SkipUnless(Terminal.Available, "util-linux script is not installed");
        using var dir = Input();

        var run = await Terminal.RunAsync(dir.Path, new Dictionary<string, string?> { ["COLUMNS"] = "160" }, "run", dir.File("p.yaml"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var redraws = run.Output.Split(Redraw).Skip(1).ToList();
        Assert.NotEmpty(redraws);
        Assert.All(redraws, line => Assert.Contains(" rows/s", line, StringComparison.Ordinal));
        Assert.Contains("100% \u001b[32m[################\u001b[0m] ", redraws[^1], StringComparison.Ordinal);
        Assert.Contains("read 30,000  transformed 30,000  loaded 30,000", redraws[^1], StringComparison.Ordinal);
        Assert.True(redraws.Count == 1 || redraws.Take(redraws.Count - 1).Any(l => l.Contains("ETA ", StringComparison.Ordinal)), run.Output);
        var summary = run.Output.IndexOf("pipeline progress-test succeeded", StringComparison.Ordinal);
        Assert.True(summary > run.Output.LastIndexOf(Redraw, StringComparison.Ordinal), run.Output);
        Assert.Contains("  loaded             30,000 rows", run.Output[summary..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_color_and_a_narrow_terminal_keep_the_live_line_without_colors_within_the_width()
    {
        Assert.SkipUnless(Terminal.Available, "util-linux script is not installed");
        using var dir = Input();

        var run = await Terminal.RunAsync(dir.Path, new Dictionary<string, string?> { ["NO_COLOR"] = "1", ["COLUMNS"] = "80" }, "run", dir.File("p.yaml"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var redraws = run.Output.Split(Redraw).Skip(1).Select(l => l.Split('\r', '\n')[0]).ToList();
        Assert.NotEmpty(redraws);
        Assert.DoesNotContain("\u001b[3", run.Output, StringComparison.Ordinal);
        Assert.All(redraws, line => Assert.True(line.Length < 80, line));
        Assert.StartsWith("100% read 30.0k  transformed 30.0k  loaded 30.0k  failed 0", redraws[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_on_a_terminal_and_redirected_output_get_plain_lines()
    {
        Assert.SkipUnless(Terminal.Available, "util-linux script is not installed");
        using var dir = Input();

        var json = await Terminal.RunAsync(dir.Path, new Dictionary<string, string?>(), "run", dir.File("p.yaml"), "--output", "json");
        var redirected = await Aietl.RunAsync(dir.Path, "run", dir.File("p.yaml"));

        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.DoesNotContain(Redraw, json.Output, StringComparison.Ordinal);
        Assert.Contains("\"records_loaded\": 30000", json.Output, StringComparison.Ordinal);
        Assert.True(redirected.ExitCode == 0, redirected.ToString());
        Assert.DoesNotContain("\u001b", redirected.Error, StringComparison.Ordinal);
        Assert.Contains("extracted       30,000  loaded       30,000  failed        0", redirected.Error, StringComparison.Ordinal);
        Assert.Contains("100.0%", redirected.Error, StringComparison.Ordinal);
        Assert.Contains("  loaded             30,000 rows", redirected.Output, StringComparison.Ordinal);
    }

    // 30,000 rows in batches of 500: enough commits for several redraws, and a file whose size gives the percent.
    private static TempDirectory Input()
    {
        var dir = new TempDirectory();
        var rows = new StringBuilder("id,name\n");
        for (var i = 1; i <= 30_000; i++)
        {
            rows.Append(i).Append(",name ").Append(i).Append('\n');
        }

        dir.Write("in.csv", rows.ToString());
        dir.Write("p.yaml", "pipeline:\n  name: progress-test\n  execution:\n    batch_size: 500\n  source:\n    type: csv\n    config:\n      path: in.csv\n    schema:\n      fields:\n        - { name: id, type: integer }\n        - { name: name, type: string }\n  destination:\n    type: jsonl\n    config:\n      path: out.jsonl\n");
        return dir;
    }
}
