using System.CommandLine;
using AiEtl.Cli.Binding;
using AiEtl.Cli.DeadLetters;
using AiEtl.Cli.Output;
using AiEtl.Configuration.Model;

namespace AiEtl.Cli.Commands;

/// <summary>
/// <c>aietl dlq show|replay &lt;file&gt;</c>: the rows a pipeline dead-lettered, and sending them through its transforms
/// and destination again once the cause is fixed. Replay loads first and rewrites the file after (temporary file and
/// rename): a crash between the two keeps every entry, so a row may be loaded twice, which a merge destination
/// absorbs and an append one does not; losing a row that never loaded would be worse.
/// </summary>
internal static class DlqCommand
{
    public static Command Create()
    {
        var show = new Command("show", "List the dead-lettered rows of a pipeline: counts by stage and reason, then the entries.");
        var showFile = CommonOptions.PipelineFile();
        var showEnv = CommonOptions.EnvFile();
        var showSet = CommonOptions.Set();
        var showOutput = Output();
        var limit = new Option<int>("--limit") { Description = "How many entries to list (0 for all).", DefaultValueFactory = _ => 20 };
        show.Add(showFile);
        show.Add(showEnv);
        show.Add(showSet);
        show.Add(showOutput);
        show.Add(limit);
        show.SetAction(parse => Show(Load(parse.GetRequiredValue(showFile), parse.GetValue(showEnv), parse.GetValue(showSet)), parse.GetValue(showOutput) == "json", parse.GetValue(limit)));

        var replay = new Command("replay", "Send the dead-lettered rows through the pipeline's transforms and destination again; remove those that load. Exit codes: 0 replayed (rows that fail again stay), 1 a replay failed (its entries stay), 2 configuration invalid, 130 cancelled.");
        var replayFile = CommonOptions.PipelineFile();
        var replayEnv = CommonOptions.EnvFile();
        var replaySet = CommonOptions.Set();
        var replayOutput = Output();
        var dryRun = new Option<bool>("--dry-run") { Description = "Say which entries would be replayed, and why the others cannot be; load and change nothing." };
        replay.Add(replayFile);
        replay.Add(replayEnv);
        replay.Add(replaySet);
        replay.Add(replayOutput);
        replay.Add(dryRun);
        replay.SetAction((parse, token) => ReplayAsync(Load(parse.GetRequiredValue(replayFile), parse.GetValue(replayEnv), parse.GetValue(replaySet)), parse.GetValue(replayOutput) == "json", parse.GetValue(dryRun), token));

        return new Command("dlq", "Dead-lettered rows.") { show, replay };
    }

    private static Option<string> Output()
    {
        var output = new Option<string>("--output") { Description = "text, or json (one object on standard output).", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        return output;
    }

    private static PipelineConfiguration? Load(string file, string? envFile, string[]? overrides) =>
        CommonOptions.Load(file, envFile, overrides, Console.Error).Configuration;

    private static int Show(PipelineConfiguration? config, bool json, int limit)
    {
        if (config is null)
        {
            return ExitCodes.ConfigurationInvalid;
        }

        if (Read(PipelineBinder.DeadLetterPath(config)) is not { } file)
        {
            return ExitCodes.RunFailed;
        }

        DeadLetterReport.Write(file, json, limit <= 0 ? int.MaxValue : limit);
        return ExitCodes.Success;
    }

    private static async Task<int> ReplayAsync(PipelineConfiguration? config, bool json, bool dryRun, CancellationToken token)
    {
        if (config is null)
        {
            return ExitCodes.ConfigurationInvalid;
        }

        if (RefusedDestination(config) is { } refusal)
        {
            Console.Error.WriteLine($"aietl: {config.FilePath}: {refusal}");
            return ExitCodes.ConfigurationInvalid;
        }

        if (Read(PipelineBinder.DeadLetterPath(config)) is not { } file)
        {
            return ExitCodes.RunFailed;
        }

        if (file.Length == 0)
        {
            ReplayReport.WriteEmpty(file.Path, dryRun, json);
            return ExitCodes.Success;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(token);
        using var interrupt = Cancellation.OnInterrupt(cancellation);
        Schema schema;
        try
        {
            var (bound, problems) = await PipelineBinder.BindAsync(config, new RunSettings(), cancellation.Token);
            DiagnosticPrinter.Print(Console.Error, problems);
            if (bound is null)
            {
                return ExitCodes.ConfigurationInvalid;
            }

            schema = bound.Schema;
        }
        catch (EtlException error)
        {
            Console.Error.WriteLine($"aietl: {config.FilePath}: {error.Message}");
            return ExitCodes.RunFailed;
        }

        if (!dryRun && DeadLetterFile.BeingWritten(file.Path) is { } busy)
        {
            Console.Error.WriteLine($"aietl: {file.Path}: {busy}");
            return ExitCodes.RunFailed;
        }

        var workDirectory = file.Path + ".replay-" + Environment.ProcessId;
        Directory.CreateDirectory(workDirectory);
        try
        {
            // First pass: each entry decided and, when replayable, its row written to its group's input file as it is read.
            var plan = new ReplayPlan();
            var inputs = new Dictionary<ReplayInput, ReplayInputFile>();
            try
            {
                foreach (var line in file.ReadLines())
                {
                    if (line.Entry is not { } entry)
                    {
                        plan.Other();
                        continue;
                    }

                    var decision = ReplayDecision.For(entry, config, schema);
                    if (!decision.Replayable)
                    {
                        plan.NotReplayable(decision.Reason!);
                        continue;
                    }

                    if (dryRun)
                    {
                        plan.Replay(decision.Input, 0);
                        continue;
                    }

                    if (!inputs.TryGetValue(decision.Input, out var input))
                    {
                        var name = decision.Input.ToString().ToLowerInvariant() + (decision.Input == ReplayInput.CsvLine ? ".csv" : ".jsonl");
                        inputs.Add(decision.Input, input = ReplayInputFile.Create(Path.Combine(workDirectory, name), decision.Input, config, schema));
                    }

                    plan.Replay(decision.Input, input.Count);
                    input.Add(entry.Raw!);
                }

                if (plan.Entries == 0)
                {
                    ReplayReport.WriteEmpty(file.Path, dryRun, json);
                    return ExitCodes.Success;
                }

                if (dryRun)
                {
                    using var stdout = Console.OpenStandardOutput();
                    Drain(WriteReport(stdout, file, plan, dryRun, json, file.ReadLines()));
                    return ExitCodes.Success;
                }

                using var logging = RunLogging.Create(config.Monitoring);
                foreach (var (kind, input) in inputs)
                {
                    input.Complete();
                    if (cancellation.IsCancellationRequested)
                    {
                        plan.Finished(kind, ReplayGroupResult.Kept("the replay was cancelled"));
                        continue;
                    }

                    try
                    {
                        plan.Finished(kind, await ReplayRunner.RunAsync(config, kind, input, workDirectory, logging, cancellation.Token));
                    }
                    catch (EtlException error)
                    {
                        plan.Finished(kind, ReplayGroupResult.Kept("the replay failed: " + error.Message));
                    }
                }
            }
            finally
            {
                foreach (var input in inputs.Values)
                {
                    input.Dispose();
                }
            }

            // Second pass: the report, into a file until the rewrite succeeded, and the file rewritten, both as the lines are read again.
            var counts = plan.Counts(dryRun: false);
            var reportPath = Path.Combine(workDirectory, "report");
            if (counts[ReplayOutcomeKind.Loaded] + counts[ReplayOutcomeKind.FailedAgain] > 0)
            {
                using var report = new FileStream(reportPath, FileMode.Create, FileAccess.Write);
                file.Rewrite(lines => WriteReport(report, file, plan, dryRun: false, json, lines));
            }
            else
            {
                using var report = new FileStream(reportPath, FileMode.Create, FileAccess.Write);
                Drain(WriteReport(report, file, plan, dryRun: false, json, file.ReadLines()));
            }

            using (var stdout = Console.OpenStandardOutput())
            using (var report = File.OpenRead(reportPath))
            {
                report.CopyTo(stdout);
            }

            return cancellation.IsCancellationRequested ? ExitCodes.Cancelled
                : counts[ReplayOutcomeKind.Kept] > 0 ? ExitCodes.RunFailed
                : ExitCodes.Success;
        }
        catch (IOException error)
        {
            // The rows are loaded, their entries stay: a second replay loads them again (once, into a merge destination).
            Console.Error.WriteLine($"aietl: {file.Path}: the rows were replayed but the file could not be rewritten, so every entry stays: {error.Message}");
            return ExitCodes.RunFailed;
        }
        finally
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }

    // A report without a rewrite: its lines are read for their outcomes only.
    private static void Drain(IEnumerable<string> lines)
    {
        foreach (var unused in lines)
        {
        }
    }

    // Each entry's outcome to the report as its line is read again; the lines that stay, as they are or with the new
    // reason of a row that failed again (loaded entries go). Lazy: the rewrite pulls the lines, and the report follows.
    private static IEnumerable<string> WriteReport(Stream output, DeadLetterFile file, ReplayPlan plan, bool dryRun, bool json, IEnumerable<DeadLetterLine> lines)
    {
        var now = DateTimeOffset.UtcNow;
        using var report = new ReplayReport(output, file.Path, plan.Counts(dryRun), dryRun, json);
        foreach (var line in lines)
        {
            var outcome = plan.OutcomeOf(line.Number, line.Entry, dryRun);
            if (outcome is null)
            {
                yield return line.Text;
                continue;
            }

            report.Add(outcome);
            if (outcome is { Kind: ReplayOutcomeKind.FailedAgain, Failure: { } failure })
            {
                yield return outcome.Entry.WithReplayFailure(failure.Stage, failure.ErrorType, outcome.Reason ?? failure.Reason, now);
            }
            else if (outcome.Kind != ReplayOutcomeKind.Loaded)
            {
                yield return line.Text;
            }
        }
    }

    // Replay adds rows to what the destination holds: a destination that a run replaces would keep only the replayed rows.
    private static string? RefusedDestination(PipelineConfiguration config)
    {
        const string Hint = "; replay with --set pipeline.destination.config.write_mode=append (or merge) to add the rows to what it holds";
        if (config.Destination.Adapter.Config.GetString("write_mode") == "replace")
        {
            return "the destination's write_mode is replace: a replay would replace its rows with the replayed ones" + Hint;
        }

        return config.Destination.SchemaMode == "drop_and_create"
            ? "the destination's schema_mode is drop_and_create: a replay would drop its table" + Hint.Replace("config.write_mode=append (or merge)", "schema_mode=create_if_missing", StringComparison.Ordinal)
            : null;
    }

    private static DeadLetterFile? Read(string path)
    {
        try
        {
            return DeadLetterFile.Open(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"aietl: {path}: {error.Message}");
            return null;
        }
    }
}
