using System.Globalization;
using System.Text.Json;

namespace AiEtl.Cli.Tests;

/// <summary>
/// One kill trial in a fresh folder: <c>aietl run</c> of a CSV -> deduplicator -> destination pipeline, stopped at
/// each step in turn (each stop checked: it happened, at its instant, and left the destination and the dead-letter
/// file consistent), then run again without a stop, which must exit 0 and leave exactly the oracle, each bad line
/// dead-lettered once, and a state file at the end of the input.
/// </summary>
internal sealed class KillTrial(KillInput input, TempDirectory directory, KillTarget target)
{
    private readonly List<string> _runs = [];

    public async Task RunAsync(string instant)
    {
        var pipeline = directory.Write("kill.yaml", Pipeline());
        var steps = instant == KillCases.NoKill ? [] : KillStep.ParseAll(instant, input.TotalCommits);
        foreach (var step in steps)
        {
            var points = directory.File($"points-{_runs.Count + 1}.txt");
            if (step.Interrupt)
            {
                await InterruptAsync(pipeline, points, step);
            }
            else
            {
                var run = await Aietl.RunAsync(directory.Path, KillHook.Variables(target.Variables, points, step), "run", pipeline, "--output", "json");
                Said($"killed at {step.Argument}", run, points);
                // 137 = 128 + SIGKILL; the hook's line proves it was the instant, not some other death.
                Check(run.ExitCode == 137 && KillHook.Points(points).LastOrDefault() == step.Line, $"the run was not killed at {step.Line}");
            }

            await CheckAsync(complete: false);
        }

        var finalPoints = directory.File($"points-{_runs.Count + 1}.txt");
        var final = await Aietl.RunAsync(directory.Path, KillHook.Variables(target.Variables, finalPoints, null), "run", pipeline, "--output", "json");
        Said("no kill", final, finalPoints);
        Check(final.ExitCode == 0, "the run without a kill did not succeed");
        if (steps.Count == 0)
        {
            var commits = KillHook.Points(finalPoints).Count(p => p.StartsWith("point commit.after ", StringComparison.Ordinal));
            Check(commits == input.TotalCommits, $"an unkilled run committed {commits} times, {input.TotalCommits} expected: the kills at 'last' would miss");
        }

        await CheckAsync(complete: true);

        // The state file mirrors the destination's checkpoint: after the kills too, it says the whole input was read.
        using var summary = JsonDocument.Parse(final.Output);
        var statePath = summary.RootElement.GetProperty("state_path").GetString()!;
        Check(File.Exists(statePath) && File.ReadAllText(statePath).Contains(StateLine, StringComparison.Ordinal), $"the state file {statePath} does not say {StateLine}");
        if (steps.Count == 0)
        {
            // The command that shows it, once per destination (each process costs about half a second).
            var show = await Aietl.RunAsync(directory.Path, target.Variables.ToDictionary(), "state", "show", pipeline);
            Check(show.ExitCode == 0 && show.Output.Contains(StateLine, StringComparison.Ordinal), $"aietl state show does not say {StateLine}:\n{show}");
        }
    }

    private static string StateLine => string.Create(CultureInfo.InvariantCulture, $"\"records_processed\": {KillInput.Rows}");

    // Ctrl+C from outside while the hook holds the run at the step's instant (so it lands there, however slow the
    // machine): the run must stop with 130, having rolled its open transaction back (the rows it says it loaded are
    // the rows it added, in an append load) and not completed.
    private async Task InterruptAsync(string pipeline, string points, KillStep step)
    {
        var before = (await target.ReadAsync()).Count;
        using var process = Aietl.Start(directory.Path, KillHook.Variables(target.Variables, points, step), "run", pipeline, "--output", "json");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            deadline.CancelAfter(TimeSpan.FromMinutes(2));
            while (!process.HasExited && !KillHook.Points(points).Contains(step.Line))
            {
                await Task.Delay(10, deadline.Token);
            }
        }

        var reached = !process.HasExited;
        if (reached)
        {
            Aietl.Interrupt(process);
            KillHook.Resume(points);
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        var run = new Aietl.Run(process.ExitCode, await output, await error);
        Said($"Ctrl+C at {step.Argument}", run, points);
        Check(reached && run.ExitCode == 130, $"the run did not stop with exit code 130 on Ctrl+C at {step.Line}");
        using var summary = JsonDocument.Parse(run.Output);
        var loaded = summary.RootElement.GetProperty("records_loaded").GetInt64();
        var now = (await target.ReadAsync()).Count;
        Check(summary.RootElement.GetProperty("cancelled").GetBoolean() && loaded == now - before && now < input.Expected.Count, $"the cancelled run says it loaded {loaded} rows; the destination went from {before} to {now} of {input.Expected.Count}");
    }

    private async Task CheckAsync(bool complete)
    {
        var rows = KillComparison.Rows(input.Expected, await target.ReadAsync(), complete);
        Check(rows is null, rows!);
        var deadLetters = KillComparison.DeadLetters(directory.File("dlq.jsonl"), input.BadLines, complete);
        Check(deadLetters is null, deadLetters!);
    }

    private void Said(string how, Aietl.Run run, string points)
    {
        var last = KillHook.Points(points).LastOrDefault() ?? "no instant reached";
        var error = run.ExitCode is 0 or 130 or 137 ? "" : $"\n{run}";
        _runs.Add(string.Create(CultureInfo.InvariantCulture, $"run {_runs.Count + 1} ({how}): exit {run.ExitCode}, last instant '{last}'{error}"));
    }

    private void Check(bool condition, string problem)
    {
        if (!condition)
        {
            Assert.Fail($"{problem}\n  {string.Join("\n  ", _runs)}");
        }
    }

    private string Pipeline() => $$"""
        pipeline:
          name: kill-load
          execution:
            batch_size: {{KillInput.BatchSize}}
            commit_every: 1
          source:
            type: csv
            config:
              path: {{input.Path}}
            state_file: .state/kill.json
            schema:
              name: customers
              primary_key: [id]
              fields:
                - { name: id, type: integer }
                - { name: name, type: string }
                - { name: email, type: string }
                - { name: amount, type: decimal }
                - { name: signup_date, type: date }
          transforms:
            - type: deduplicator
              config:
                key_fields: [id]
        {{target.Yaml}}
          error_handling:
            on_extract_error: skip
            dead_letter_queue: dlq.jsonl

        """;
}
