using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using AiEtl.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiEtl;

/// <summary>
/// One run of a pipeline: connects, restores the saved position, runs the three stages concurrently and
/// builds the result. Everything a run changes lives here, so an <see cref="EtlPipeline{T}"/> can run again.
/// </summary>
/// <typeparam name="T">The rows read and transformed.</typeparam>
/// <typeparam name="TOut">The rows loaded: <typeparamref name="T"/> unless the pipeline projects them (<see cref="PipelineBuilder{T}.Select"/>).</typeparam>
internal sealed class PipelineRun<T, TOut>
{
    private readonly ISource<T> _source;
    private readonly IReadOnlyList<Transform<T>> _transforms;
    private readonly IBatchProjection<T, TOut> _projection;
    private readonly IDestination<TOut> _destination;
    private readonly PipelineOptions _options;
    private readonly RunCounters _counters;
    private readonly SourceCheckpoints<T, TOut> _checkpoints;
    private readonly SensitiveDataMasker _masker;
    private readonly QualityScorerBase<T>? _scorer;
    private readonly (long Rows, double Sum) _scoredBefore;

    public PipelineRun(string name, ISource<T> source, IReadOnlyList<Transform<T>> transforms, IBatchProjection<T, TOut> projection, IDestination<TOut> destination, PipelineOptions options, SensitiveDataMasker masker)
    {
        _masker = masker;
        Name = name;
        _source = source;
        _transforms = transforms;
        _projection = projection;
        _destination = destination;
        _options = options;
        _counters = new RunCounters
        {
            StartTime = options.TimeProvider.GetUtcNow(),
            Pipeline = name,
            Source = source as ISizedSource,
            Log = options.LoggerFactory?.CreateLogger(PipelineLog.Category) ?? NullLogger.Instance,
        };
        _checkpoints = new SourceCheckpoints<T, TOut>(name, source, destination, transforms, options, _counters.StartTime, _counters.Warnings);

        // The run's mean quality is over its own rows: a transform's counts go on across runs of the same pipeline.
        _scorer = transforms.OfType<QualityScorerBase<T>>().LastOrDefault();
        _scoredBefore = _scorer is null ? default : (_scorer.RowsScored, _scorer.ScoreSum);
    }

    public string Name { get; }

    public async Task<PipelineResult> RunAsync(CancellationToken cancellation)
    {
        var clock = _options.TimeProvider;

        // The run's own token: the caller's cancellation or the timeout, whichever comes first.
        using var deadline = _options.Timeout is { } timeout ? new CancellationTokenSource(timeout, clock) : null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, deadline?.Token ?? CancellationToken.None);
        var cancellationToken = stop.Token;
        var (timedOut, cancelled) = (false, false);
        using var activity = PipelineTelemetry.Traces.StartActivity("aietl.pipeline.run");
        activity?.SetTag(PipelineTelemetry.PipelineTag, Name);
        activity?.SetTag("aietl.source", _source.SourceId);
        activity?.SetTag("aietl.destination", _destination.DestinationId);
        var log = _counters.Log;
        PipelineLog.Started(log, Name, _source.SourceId, _destination.DestinationId);
        var deadLetterPath = _options.ErrorHandling.DeadLetterPath ?? ErrorHandlingOptions.DefaultDeadLetterPath(Name);
        await using var deadLetters = new DeadLetterWriter(deadLetterPath, Name);
        var errors = new RowErrorCollector(_options.ErrorHandling, _options.RetryPolicy, deadLetters, clock, Name, _masker);
        _counters.Failed = () => errors.FailedRows;
        // The connections retry the policy's transient errors, as Polly did around each; through Polly only after a failed
        // first attempt (StageRetry). The error action is not retry, so the stage named is never reported.
        var connectRetry = new StageRetry(_options.RetryPolicy, clock, PipelineStage.Extract, ErrorAction.Fail, transientAlways: true);
        var success = false;
        try
        {
            UsablePaths.File(deadLetterPath, "dead-letter file");
            if (_options.State is { } states)
            {
                UsablePaths.Directory(states.StateDirectory, "state directory");
            }

            await connectRetry.ExecuteAsync(static (source, token) => source.ConnectAsync(token), _source, cancellationToken).ConfigureAwait(false);
            await connectRetry.ExecuteAsync(static (destination, token) => destination.ConnectAsync(token), _destination, cancellationToken).ConfigureAwait(false);
            var schema = await _source.GetSchemaAsync(cancellationToken).ConfigureAwait(false);
            var output = _projection.OutputSchema(_transforms.Aggregate(schema, static (rows, transform) => transform.OutputSchema(rows)));
            RequireMergeWhereNeeded(output);
            await _destination.CreateSchemaAsync(output, cancellationToken).ConfigureAwait(false);
            await FirstPass.RunAsync(_source, _transforms, schema, _options.BatchSize, _counters.Warnings, cancellationToken).ConfigureAwait(false);
            await _checkpoints.RestoreAsync(cancellationToken).ConfigureAwait(false);
            if (_checkpoints.Previous is { RecordsProcessed: > 0 } previous && !_options.FullRefresh)
            {
                PipelineLog.Resumed(log, Name, previous.RecordsProcessed);
            }

            // Loads retry the policy's transient errors whatever the action, as they always did; retry adds rejected batches.
            var loadRetry = new StageRetry(_options.RetryPolicy, clock, PipelineStage.Load, _options.ErrorHandling.OnLoadError, transientAlways: true);
            var load = new LoadStage<TOut>(_destination, _options, _counters, _checkpoints, deadLetters, errors, _source.SourceId, loadRetry);
            await StreamAsync(errors, load, cancellationToken).ConfigureAwait(false);
            if (_destination is ICompletableDestination completable)
            {
                // Only a run that loaded everything publishes (a replace swaps its staging table in here), with its checkpoint.
                CrashPoints.Reach(CrashPoints.BeforePublish);
                await completable.CompleteAsync(cancellationToken).ConfigureAwait(false);
                CrashPoints.Reach(CrashPoints.AfterPublish);
                if (completable.PublishesOnCompletion)
                {
                    _checkpoints.Committed();
                }
            }

            success = true;
        }
        catch (Exception error) when (cancellationToken.IsCancellationRequested && (error is OperationCanceledException || error.InnerException is OperationCanceledException))
        {
            // A clean stop: the open transaction was rolled back, the committed ones and their checkpoint stay.
            timedOut = deadline?.IsCancellationRequested == true && !cancellation.IsCancellationRequested;
            cancelled = !timedOut;
            errors.Add(timedOut
                ? new PipelineError(_counters.FailedStage ?? PipelineStage.Extract, "TimedOut", $"the run did not finish within its timeout of {_options.Timeout}; the open transaction was rolled back and the state keeps the last committed checkpoint, so the next run resumes there")
                : new PipelineError(_counters.FailedStage ?? PipelineStage.Extract, "Cancelled", "the run was cancelled; the open transaction was rolled back and the state keeps the last committed checkpoint, so the next run resumes there"));
        }
        catch (Exception error)
        {
            errors.Add(PipelineErrors.From(error, _counters.FailedStage ?? PipelineStage.Extract));
        }
        finally
        {
            await _source.CloseAsync(CancellationToken.None).ConfigureAwait(false);
            await _destination.DisposeAsync().ConfigureAwait(false);
        }

        _counters.ReportProgress(_options.Progress, clock.GetUtcNow(), completed: true);
        IEnumerable<string> warnings = [.. (_source as IReportsWarnings)?.Warnings ?? [], .. (_destination as IReportsWarnings)?.Warnings ?? [], .. _counters.Warnings];
        var result = new PipelineResult
        {
            Success = success,
            TimedOut = timedOut,
            Cancelled = cancelled,
            AvgQualityScore = AverageQuality(),
            PipelineId = Name,
            RecordsExtracted = _counters.Extracted,
            RecordsTransformed = _counters.Transformed,
            RecordsLoaded = _counters.Loaded,
            RecordsInserted = _counters.Loaded - _counters.Updated,
            RecordsUpdated = _counters.Updated,
            RecordsFailed = errors.FailedRows,
            RecordsFiltered = _transforms.Sum(t => t.Stats.RecordsFiltered) + _projection.RecordsFiltered,
            StartTime = _counters.StartTime,
            EndTime = clock.GetUtcNow(),
            ExtractDuration = _counters.ExtractTime.Elapsed,
            TransformDuration = _counters.TransformTime.Elapsed,
            LoadDuration = _counters.LoadTime.Elapsed,
            Errors = errors.Errors,
            Warnings = [.. warnings.Select(_masker.Mask)],
            DeadLetterPath = deadLetters.Count > 0 ? Path.GetFullPath(deadLetters.Path) : null,
            StatePath = _checkpoints.StatePath,
            FinalState = _checkpoints.LastSaved ?? _checkpoints.Previous,
        };

        activity?.SetStatus(success ? ActivityStatusCode.Ok : ActivityStatusCode.Error, success ? null : errors.Errors.FirstOrDefault()?.Message);
        LogEnd(log, result);
        return result;
    }

    // A keep_last deduplicator leaves the earlier batches of a key to the destination's merge: without one, an
    // earlier row of a key would stay beside the last, so such a run is refused before it reads a row.
    private void RequireMergeWhereNeeded(Schema schema)
    {
        foreach (var transform in _transforms.OfType<IMergeDependentTransform>().Where(t => t.NeedsMerge))
        {
            if (_destination is not IMergingDestination { MergesOnPrimaryKey: true })
            {
                throw new PipelineConfigurationException($"{transform.Name}: keep_last keeps the last row of each key across batches through the destination's merge, and {_destination.DestinationId} does not merge; use write mode merge with a primary key on the key fields, or keep_first");
            }

            if (transform.KeyFields is { } key
                && !(schema.PrimaryKey is { } primaryKey && primaryKey.Count == key.Count && primaryKey.All(name => key.Contains(name, StringComparer.OrdinalIgnoreCase))))
            {
                throw new PipelineConfigurationException($"{transform.Name}: keep_last on ({string.Join(", ", key)}) needs the destination to merge on the same key, and its primary key is ({string.Join(", ", schema.PrimaryKey ?? [])})");
            }
        }
    }

    private double? AverageQuality()
    {
        var rows = (_scorer?.RowsScored ?? 0) - _scoredBefore.Rows;
        return rows > 0 ? (_scorer!.ScoreSum - _scoredBefore.Sum) / rows : null;
    }

    private static void LogEnd(ILogger log, PipelineResult result)
    {
        foreach (var warning in result.Warnings)
        {
            PipelineLog.Warned(log, result.PipelineId, warning);
        }

        if (result.RecordsFailed > 0 && result.DeadLetterPath is { } deadLetters)
        {
            PipelineLog.Rejected(log, result.PipelineId, result.RecordsFailed, deadLetters);
        }

        if (result.Success)
        {
            PipelineLog.Finished(log, result.PipelineId, result.Duration, result.RecordsExtracted, result.RecordsLoaded, result.RecordsFiltered, result.RecordsFailed);
        }
        else if (result.Errors.LastOrDefault() is { } error)
        {
            // The error that stopped the run is the last one (skipped rows come before it).
            PipelineLog.Stopped(log, result.PipelineId, error.ErrorType, error.Message);
        }
    }

    private async Task StreamAsync(RowErrorCollector errors, LoadStage<TOut> load, CancellationToken cancellationToken)
    {
        // A failing stage stops the stages before it; the stages after it drain what was already
        // extracted, so every good batch read before a bad row is still committed and checkpointed.
        using var stopExtract = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopTransform = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var extracted = NewChannel<T>();
        var transformed = NewChannel<TOut>();
        var context = new ReadContext(_options.BatchSize, errors) { Warn = _counters.Warnings.Add, KeepsState = _options.State is not null };
        var extractStage = new ExtractStage<T>(_source, _counters, _options.RetryPolicy, _options.ErrorHandling.OnExtractError, _options.TimeProvider);
        var transformStage = new TransformStage<T, TOut>(_transforms, _projection, _destination, _counters, errors, _checkpoints, _options.MaxWorkers);

        var extract = Task.Run(() => Guard(PipelineStage.Extract, [], extracted.Writer, () => extractStage.RunAsync(context, extracted.Writer, stopExtract.Token)), CancellationToken.None);
        var transform = Task.Run(() => Guard(PipelineStage.Transform, [stopExtract], transformed.Writer, () => transformStage.RunAsync(extracted.Reader, transformed.Writer, stopTransform.Token)), CancellationToken.None);
        var loading = Task.Run(() => Guard<TOut>(PipelineStage.Load, [stopExtract, stopTransform], null, () => load.RunAsync(transformed.Reader, cancellationToken)), CancellationToken.None);

        try
        {
            await Task.WhenAll(extract, transform, loading).ConfigureAwait(false);
        }
        catch
        {
            // Report the first real failure, not the cancellations it caused in the other stages.
            var first = new[] { extract, transform, loading }
                .Where(t => t.IsFaulted)
                .Select(t => t.Exception!.InnerException!)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (first is not null)
            {
                ExceptionDispatchInfo.Throw(first);
            }

            throw;
        }
        finally
        {
            DrainAndRelease(extracted.Reader);
            DrainAndRelease(transformed.Reader);
        }
    }

    // Runs one stage; on failure, records which stage failed first, passes the error downstream and stops the stages upstream.
    private async Task Guard<TRow>(PipelineStage stage, CancellationTokenSource[] upstream, ChannelWriter<SourceBatch<TRow>>? output, Func<Task> body)
    {
        try
        {
            await body().ConfigureAwait(false);
            output?.TryComplete();
        }
        catch (Exception error)
        {
            if (error is not OperationCanceledException)
            {
                _counters.FailedFirst(stage);
            }

            output?.TryComplete(error);
            foreach (var stop in upstream)
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    private Channel<SourceBatch<TRow>> NewChannel<TRow>() =>
        Channel.CreateBounded<SourceBatch<TRow>>(new BoundedChannelOptions(_options.BatchesInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
        });

    private static void DrainAndRelease<TRow>(ChannelReader<SourceBatch<TRow>> reader)
    {
        while (reader.TryRead(out var batch))
        {
            batch.Release();
        }
    }
}
