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

        if (file.Entries.Count == 0)
        {
            ReplayReport.Write(file, [], dryRun, json);
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

        var decisions = file.Entries.Select(e => (Entry: e, Decision: ReplayDecision.For(e, config, schema))).ToList();
        var outcomes = decisions.Where(d => !d.Decision.Replayable).Select(d => new ReplayOutcome(d.Entry, ReplayOutcomeKind.NotReplayable, d.Decision.Reason)).ToList();
        if (dryRun)
        {
            outcomes.AddRange(decisions.Where(d => d.Decision.Replayable).Select(d => new ReplayOutcome(d.Entry, ReplayOutcomeKind.WouldReplay, null)));
            ReplayReport.Write(file, outcomes, dryRun, json);
            return ExitCodes.Success;
        }

        if (DeadLetterFile.BeingWritten(file.Path) is { } busy)
        {
            Console.Error.WriteLine($"aietl: {file.Path}: {busy}");
            return ExitCodes.RunFailed;
        }

        var workDirectory = file.Path + ".replay-" + Environment.ProcessId;
        Directory.CreateDirectory(workDirectory);
        try
        {
            using (var logging = RunLogging.Create(config.Monitoring))
            {
                foreach (var group in decisions.Where(d => d.Decision.Replayable).GroupBy(d => d.Decision.Input))
                {
                    if (cancellation.IsCancellationRequested)
                    {
                        outcomes.AddRange(group.Select(d => new ReplayOutcome(d.Entry, ReplayOutcomeKind.Kept, "the replay was cancelled")));
                        continue;
                    }

                    try
                    {
                        outcomes.AddRange(await ReplayRunner.RunAsync(config, group.Key, [.. group.Select(d => d.Entry)], workDirectory, logging, cancellation.Token));
                    }
                    catch (EtlException error)
                    {
                        outcomes.AddRange(group.Select(d => new ReplayOutcome(d.Entry, ReplayOutcomeKind.Kept, "the replay failed: " + error.Message)));
                    }
                }
            }

            if (outcomes.Any(o => o.Kind is ReplayOutcomeKind.Loaded or ReplayOutcomeKind.FailedAgain))
            {
                file.Rewrite(RewrittenLines(file, outcomes));
            }
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

        ReplayReport.Write(file, outcomes, dryRun, json);
        return cancellation.IsCancellationRequested ? ExitCodes.Cancelled
            : outcomes.Any(o => o.Kind == ReplayOutcomeKind.Kept) ? ExitCodes.RunFailed
            : ExitCodes.Success;
    }

    // Loaded entries go; entries that failed again get their new reason; every other line stays as it was.
    private static IEnumerable<string> RewrittenLines(DeadLetterFile file, IReadOnlyList<ReplayOutcome> outcomes)
    {
        var byLine = outcomes.ToDictionary(o => o.Entry.FileLine);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < file.Lines.Count; i++)
        {
            if (!byLine.TryGetValue(i + 1, out var outcome))
            {
                yield return file.Lines[i];
            }
            else if (outcome is { Kind: ReplayOutcomeKind.FailedAgain, Failure: { } failure })
            {
                yield return outcome.Entry.WithReplayFailure(failure.Stage, failure.ErrorType, outcome.Reason ?? failure.Message, now);
            }
            else if (outcome.Kind != ReplayOutcomeKind.Loaded)
            {
                yield return file.Lines[i];
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
            return DeadLetterFile.Read(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"aietl: {path}: {error.Message}");
            return null;
        }
    }
}
