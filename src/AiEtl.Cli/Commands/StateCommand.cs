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

        if (PipelineBinder.StateManager(config) is null)
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

        var state = PipelineBinder.StateManager(config)!;
        var path = state.GetStatePath(config.Name, pipeline.Source.SourceId, pipeline.Destination.DestinationId);
        if (clear)
        {
            return await ClearAsync(config.Name, pipeline, state, path, token);
        }

        if (!File.Exists(path))
        {
            Console.Out.WriteLine($"no saved state for pipeline {config.Name} ({path})");
            return ExitCodes.Success;
        }

        Console.Out.WriteLine(path);
        Console.Out.WriteLine(await File.ReadAllTextAsync(path, token));
        return ExitCodes.Success;
    }

    // The state file is a mirror: a database or file destination keeps the committed checkpoint with its rows, and a
    // run resumes from that. Clearing forgets both, so the next run reads the source from its start.
    private static async Task<int> ClearAsync(string name, BoundPipeline pipeline, StateManager state, string path, CancellationToken token)
    {
        var mirror = File.Exists(path);
        state.ClearState(name, pipeline.Source.SourceId, pipeline.Destination.DestinationId);
        if (pipeline.Destination is ICheckpointingDestination checkpoints)
        {
            try
            {
                await pipeline.Destination.ConnectAsync(token);
                await checkpoints.ForgetCheckpointAsync(new CheckpointKey(name, pipeline.Source.SourceId), token);
            }
            catch (EtlException error)
            {
                Console.Error.WriteLine($"aietl: {pipeline.Destination.DestinationId}: {error.Message}");
                return ExitCodes.RunFailed;
            }
            finally
            {
                await pipeline.Destination.DisposeAsync();
            }

            Console.Out.WriteLine($"cleared {(mirror ? path + " and " : "")}the checkpoint kept in {pipeline.Destination.DestinationId}: the next run reads the source from its start");
            return ExitCodes.Success;
        }

        Console.Out.WriteLine(mirror ? $"cleared {path}" : $"no saved state for pipeline {name} ({path})");
        return ExitCodes.Success;
    }
}
