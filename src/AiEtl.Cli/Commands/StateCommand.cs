using System.CommandLine;
using AiEtl.Cli.Binding;

namespace AiEtl.Cli.Commands;

/// <summary>
/// <c>aietl state show|clear &lt;file&gt;</c>: the incremental state a pipeline keeps for its source and destination (the
/// seed's state file), or its removal so the next run reads everything. A database destination also keeps its
/// checkpoint in its own table; <c>aietl run --full-refresh</c> is the way to reread into one.
/// </summary>
internal static class StateCommand
{
    public static Command Create()
    {
        var show = new Command("show", "Print the saved state of a pipeline.");
        var clear = new Command("clear", "Delete the saved state of a pipeline, so its next run reads everything.");
        foreach (var (command, clearing) in new[] { (show, false), (clear, true) })
        {
            var file = CommonOptions.PipelineFile();
            var envFile = CommonOptions.EnvFile();
            command.Add(file);
            command.Add(envFile);
            command.SetAction((parse, token) => RunAsync(parse.GetRequiredValue(file), parse.GetValue(envFile), clearing, token));
        }

        return new Command("state", "Incremental state.") { show, clear };
    }

    private static async Task<int> RunAsync(string file, string? envFile, bool clear, CancellationToken token)
    {
        var loaded = CommonOptions.Load(file, envFile, null, Console.Error);
        if (loaded.Configuration is not { } config)
        {
            return ExitCodes.ConfigurationInvalid;
        }

        if (PipelineBinder.StateDirectory(config) is not { } directory)
        {
            Console.Out.WriteLine($"pipeline {config.Name} keeps no state (set pipeline.source.state_file or LOCAL_STATE_PATH)");
            return ExitCodes.Success;
        }

        BoundPipeline? pipeline;
        try
        {
            (pipeline, var problems) = await PipelineBinder.BindAsync(config, new RunSettings(), token);
            Output.DiagnosticPrinter.Print(Console.Error, problems);
        }
        catch (EtlException error)
        {
            Console.Error.WriteLine($"aietl: {file}: {error.Message}");
            return ExitCodes.RunFailed;
        }

        if (pipeline is null)
        {
            return ExitCodes.ConfigurationInvalid;
        }

        var state = new StateManager(directory);
        var path = state.GetStatePath(config.Name, pipeline.Source.SourceId, pipeline.Destination.DestinationId);
        if (!File.Exists(path))
        {
            Console.Out.WriteLine($"no saved state for pipeline {config.Name} ({path})");
            return ExitCodes.Success;
        }

        if (clear)
        {
            state.ClearState(config.Name, pipeline.Source.SourceId, pipeline.Destination.DestinationId);
            Console.Out.WriteLine($"cleared {path}");
            return ExitCodes.Success;
        }

        Console.Out.WriteLine(path);
        Console.Out.WriteLine(await File.ReadAllTextAsync(path, token));
        return ExitCodes.Success;
    }
}
