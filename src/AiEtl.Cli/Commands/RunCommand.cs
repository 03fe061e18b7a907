using System.CommandLine;
using AiEtl.Cli.Binding;
using AiEtl.Cli.Output;

namespace AiEtl.Cli.Commands;

/// <summary>
/// <c>aietl run &lt;file&gt;</c>: validates, binds and runs a pipeline on dynamic rows, with progress on the error stream
/// (a live status line on a terminal, plain periodic lines when redirected or with <c>--output json</c>) and a summary at the end. Ctrl+C (SIGINT) or SIGTERM cancels through the run's token: the open transaction rolls
/// back, committed batches and their checkpoint stay, and the exit code is 130.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var file = CommonOptions.PipelineFile();
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate, bind and infer the schema, print the plan, and run nothing." };
        var fullRefresh = new Option<bool>("--full-refresh") { Description = "Ignore the saved state and read everything again." };
        var envFile = CommonOptions.EnvFile();
        var set = CommonOptions.Set();
        var output = new Option<string>("--output") { Description = "text (a summary table) or json (one object on standard output).", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var command = new Command("run", "Run a pipeline. Exit codes: 0 success, 1 run failed, 2 configuration invalid, 64 usage error, 130 cancelled.")
        {
            file, dryRun, fullRefresh, envFile, set, output,
        };
        command.SetAction((parse, token) => RunAsync(
            parse.GetRequiredValue(file), parse.GetValue(dryRun), parse.GetValue(fullRefresh), parse.GetValue(envFile),
            parse.GetValue(set) ?? [], parse.GetValue(output) ?? "text", token));
        return command;
    }

    private static async Task<int> RunAsync(string file, bool dryRun, bool fullRefresh, string? envFile, string[] overrides, string output, CancellationToken token)
    {
        var loaded = CommonOptions.Load(file, envFile, overrides, Console.Error);
        if (loaded.Configuration is not { } config)
        {
            return ExitCodes.ConfigurationInvalid;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(token);
        using var interrupt = Cancellation.OnInterrupt(cancellation);
        var json = output == "json";
        IProgress<PipelineProgress>? progress = dryRun ? null
            : !json && TerminalProgress.Available ? new TerminalProgress(Console.Error, TerminalProgress.ColorAllowed, TerminalProgress.TerminalWidth())
            : new ProgressPrinter(Console.Error, TimeSpan.FromSeconds(config.Monitoring.ProgressIntervalSeconds));
        using var logging = dryRun ? null : RunLogging.Create(config.Monitoring);
        BoundPipeline? bound;
        try
        {
            var (pipeline, problems) = await PipelineBinder.BindAsync(config, new RunSettings { FullRefresh = fullRefresh, Progress = progress, LoggerFactory = logging }, cancellation.Token);
            DiagnosticPrinter.Print(Console.Error, problems);
            if (pipeline is null)
            {
                return ExitCodes.ConfigurationInvalid;
            }

            bound = pipeline;
        }
        catch (EtlException error)
        {
            Console.Error.WriteLine($"aietl: {file}: {error.Message}");
            return ExitCodes.RunFailed;
        }

        if (dryRun)
        {
            PrintPlan(bound);
            return ExitCodes.Success;
        }

        var result = await bound.Build().RunAsync(cancellation.Token);

        // The console logger writes on a thread of its own: flush it before the summary.
        logging?.Dispose();
        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            RunSummary.WriteJson(stdout, result);
        }
        else
        {
            RunSummary.WriteText(Console.Out, result);
        }

        return result.Success ? ExitCodes.Success : result.Cancelled ? ExitCodes.Cancelled : ExitCodes.RunFailed;
    }

    private static void PrintPlan(BoundPipeline pipeline)
    {
        Console.Out.WriteLine($"pipeline {pipeline.Name} (dry run: nothing is read or written)");
        Console.Out.WriteLine($"  source       {pipeline.Source.SourceType} {pipeline.Source.SourceId}");
        foreach (var transform in pipeline.Transforms)
        {
            Console.Out.WriteLine($"  transform    {transform.Name}");
        }

        Console.Out.WriteLine($"  destination  {pipeline.Destination.DestinationType} {pipeline.Destination.DestinationId}");
        Console.Out.WriteLine($"  batch size   {pipeline.Options.BatchSize}, commit every {pipeline.Options.CommitEvery ?? pipeline.Destination.DefaultCommitEvery}");
        Console.Out.WriteLine($"  state        {pipeline.StateLocation ?? "(none: everything is read on every run)"}");
        Console.Out.WriteLine($"  schema       {pipeline.Schema.Name}: " + string.Join(", ", pipeline.Schema.Fields.Select(f => f.Name + " " + SchemaConversion.NameOf(f.Type) + (f.IsNullable ? "" : " not null"))));
    }
}
