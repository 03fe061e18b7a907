using AiEtl.Cli.Binding;
using AiEtl.Configuration.Model;
using Microsoft.Extensions.Logging;

namespace AiEtl.Cli.DeadLetters;

/// <summary>
/// Replays the entries of one <see cref="ReplayInput"/> through the pipeline's transforms and destination: their rows
/// are written to a file the source's reader parses again, the pipeline runs on it with every stage's error action
/// set to skip (one row still wrong must not stop the others) into a dead-letter file of its own, and each failure it
/// records is traced back to its entry. No state is kept: the pipeline's checkpoint of its real source is not touched.
/// </summary>
internal static class ReplayRunner
{
    public static async Task<ReplayGroupResult> RunAsync(
        PipelineConfiguration config, ReplayInput input, ReplayInputFile file, string workDirectory, ILoggerFactory? logging, CancellationToken cancellationToken)
    {
        var (bound, problems) = await PipelineBinder.BindAsync(config, new RunSettings { LoggerFactory = logging }, cancellationToken).ConfigureAwait(false);
        if (bound is null)
        {
            return ReplayGroupResult.Kept("the pipeline does not bind: " + string.Join("; ", problems.Select(p => p.Message)));
        }

        var name = input.ToString().ToLowerInvariant();
        var deadLetters = Path.Combine(workDirectory, name + ".dlq.jsonl");
        var options = bound.Options with
        {
            State = null,
            FullRefresh = false,
            Progress = null,
            ErrorHandling = new ErrorHandlingOptions
            {
                OnExtractError = ErrorAction.Skip,
                OnTransformError = ErrorAction.Skip,
                OnLoadError = ErrorAction.Skip,
                DeadLetterPath = deadLetters,
            },
        };
        var result = await bound.Build(ReplaySources.For(input, file.Path, config, bound.Schema, bound.CsvReadOptions), options).RunAsync(cancellationToken).ConfigureAwait(false);
        if (!result.Success)
        {
            // Some transactions may have committed: the entries stay, and a replay into an append destination may load those rows twice.
            var why = result.Cancelled ? "the replay was cancelled" : result.TimedOut ? "the replay timed out" : "the replay failed: " + (result.Errors.FirstOrDefault()?.Message ?? "no reason given");
            return ReplayGroupResult.Kept(why);
        }

        var failures = new Dictionary<int, ReplayFailure>();
        foreach (var line in DeadLetterFile.Open(deadLetters).ReadLines())
        {
            if (line.Entry is not { } failure)
            {
                continue;
            }

            var index = file.EntryAt(failure.Location);
            if (index < 0)
            {
                return ReplayGroupResult.Kept("a row failed at a place that names no entry: " + failure.Message);
            }

            failures.TryAdd(index, ReplayFailure.Of(failure));
        }

        return new ReplayGroupResult(null, failures);
    }
}
