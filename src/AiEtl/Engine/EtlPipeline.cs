using System.Diagnostics;
using System.Threading.Channels;
using AiEtl.Internal;

namespace AiEtl;

/// <summary>
/// Streams rows from a source through transforms to a destination. Extract, transform and load run
/// concurrently, joined by bounded channels of batches, so memory stays flat. Every
/// <see cref="PipelineOptions.CommitEvery"/> batches are written in one transaction; the checkpoint of
/// the last of them is saved only after that commit, so a killed run resumes without losing or doubling a row.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed class EtlPipeline<T>
{
    private readonly ISource<T> _source;
    private readonly IReadOnlyList<Transform<T>> _transforms;
    private readonly IDestination<T> _destination;

    /// <summary>Creates a pipeline. See <see cref="EtlPipeline.Create{T}"/> for the fluent form.</summary>
    public EtlPipeline(string name, ISource<T> source, IReadOnlyList<Transform<T>> transforms, IDestination<T> destination, PipelineOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _transforms = transforms ?? throw new ArgumentNullException(nameof(transforms));
        _destination = destination ?? throw new ArgumentNullException(nameof(destination));
        Options = options ?? new PipelineOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.BatchesInFlight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.CommitEvery);
    }

    /// <summary>The pipeline's name, also its id in state files.</summary>
    public string Name { get; }

    /// <summary>The options.</summary>
    public PipelineOptions Options { get; }

    /// <summary>Runs the pipeline to the end of the source. Failures are reported in the result, not thrown.</summary>
    public async Task<PipelineResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Options.TimeProvider;
        var run = new RunCounters { StartTime = clock.GetUtcNow() };
        await using var deadLetters = new DeadLetterWriter(Options.ErrorHandling.DeadLetterPath, Name);
        var errors = new RowErrorCollector(Options.ErrorHandling, deadLetters, clock);
        var retry = Options.RetryPolicy.ToResiliencePipeline(clock);
        PipelineState? previousState = null;
        var success = false;
        try
        {
            await retry.ExecuteAsync(_source.ConnectAsync, cancellationToken).ConfigureAwait(false);
            await retry.ExecuteAsync(_destination.ConnectAsync, cancellationToken).ConfigureAwait(false);
            var schema = await _source.GetSchemaAsync(cancellationToken).ConfigureAwait(false);
            await _destination.CreateSchemaAsync(schema, cancellationToken).ConfigureAwait(false);
            previousState = RestoreState();
            await StreamAsync(run, errors, deadLetters, previousState, retry, cancellationToken).ConfigureAwait(false);
            if (_destination is ICompletableDestination completable)
            {
                // Only a run that loaded everything publishes (a replace swaps its staging table in here).
                await completable.CompleteAsync(cancellationToken).ConfigureAwait(false);
                if (completable.PublishesOnCompletion)
                {
                    SaveCheckpoint(run, run.PendingPosition, previousState);
                }
            }

            success = true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            errors.Add(new PipelineError(PipelineStage.Extract, "Cancelled", "the run was cancelled; the state keeps the last committed checkpoint"));
        }
        catch (Exception error)
        {
            errors.Add(ToError(error, run.FailedStage ?? PipelineStage.Extract));
        }
        finally
        {
            await _source.CloseAsync(CancellationToken.None).ConfigureAwait(false);
            await _destination.DisposeAsync().ConfigureAwait(false);
        }

        return new PipelineResult
        {
            Success = success,
            PipelineId = Name,
            RecordsExtracted = run.Extracted,
            RecordsTransformed = run.Transformed,
            RecordsLoaded = run.Loaded,
            RecordsFailed = errors.FailedRows,
            RecordsFiltered = _transforms.Sum(t => t.Stats.RecordsFiltered),
            StartTime = run.StartTime,
            EndTime = clock.GetUtcNow(),
            ExtractDuration = run.ExtractTime.Elapsed,
            TransformDuration = run.TransformTime.Elapsed,
            LoadDuration = run.LoadTime.Elapsed,
            Errors = errors.Errors,
            Warnings = [.. (_source as IReportsWarnings)?.Warnings ?? [], .. (_destination as IReportsWarnings)?.Warnings ?? [], .. run.Warnings],
            DeadLetterPath = deadLetters.Count > 0 ? deadLetters.Path : null,
            FinalState = run.LastSavedState ?? previousState,
        };
    }

    private PipelineState? RestoreState()
    {
        if (Options.State is not { } states || !_source.SupportsIncremental)
        {
            return null;
        }

        var saved = states.GetState(Name, _source.SourceId);
        if (saved is not null && !Options.FullRefresh)
        {
            _source.SetState(new SourceState
            {
                RecordsProcessed = saved.RecordsProcessed,
                Checkpoint = saved.Checkpoint,
                FileHash = saved.FileHash,
                LastModified = saved.LastModified,
            });
        }

        return saved;
    }

    private async Task StreamAsync(RunCounters run, RowErrorCollector errors, DeadLetterWriter deadLetters, PipelineState? previousState, Polly.ResiliencePipeline retry, CancellationToken cancellationToken)
    {
        // A failing stage stops the stages before it; the stages after it drain what was already
        // extracted, so every good batch read before a bad row is still committed and checkpointed.
        using var stopExtract = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopTransform = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var extracted = NewChannel();
        var transformed = NewChannel();
        var context = new ReadContext(Options.BatchSize, errors) { Warn = run.Warnings.Add, KeepsState = Options.State is not null };

        var extract = Task.Run(() => Guard(run, PipelineStage.Extract, [], extracted.Writer, () => ExtractAsync(run, context, extracted.Writer, stopExtract.Token)), CancellationToken.None);
        var transform = Task.Run(() => Guard(run, PipelineStage.Transform, [stopExtract], transformed.Writer, () => TransformAsync(run, errors, extracted.Reader, transformed.Writer, stopTransform.Token)), CancellationToken.None);
        var load = Task.Run(() => Guard(run, PipelineStage.Load, [stopExtract, stopTransform], null, () => LoadAsync(run, deadLetters, previousState, retry, transformed.Reader, cancellationToken)), CancellationToken.None);

        try
        {
            await Task.WhenAll(extract, transform, load).ConfigureAwait(false);
        }
        catch
        {
            // Report the first real failure, not the cancellations it caused in the other stages.
            var first = new[] { extract, transform, load }
                .Where(t => t.IsFaulted)
                .Select(t => t.Exception!.InnerException!)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (first is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            }

            throw;
        }
        finally
        {
            DrainAndRelease(extracted.Reader);
            DrainAndRelease(transformed.Reader);
        }
    }

    private async Task ExtractAsync(RunCounters run, ReadContext context, ChannelWriter<SourceBatch<T>> output, CancellationToken cancellationToken)
    {
        var batches = _source.ReadAsync(context, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (batches.ConfigureAwait(false))
        {
            while (true)
            {
                run.ExtractTime.Start();
                var more = await batches.MoveNextAsync().ConfigureAwait(false);
                run.ExtractTime.Stop();
                if (!more)
                {
                    break;
                }

                var batch = batches.Current;
                Interlocked.Add(ref run.Extracted, batch.RecordsRead);
                await output.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task TransformAsync(RunCounters run, RowErrorCollector errors, ChannelReader<SourceBatch<T>> input, ChannelWriter<SourceBatch<T>> output, CancellationToken cancellationToken)
    {
        await foreach (var batch in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            run.TransformTime.Start();
            foreach (var transform in _transforms)
            {
                await transform.ApplyBatchAsync(batch, errors, cancellationToken).ConfigureAwait(false);
            }

            run.TransformTime.Stop();
            Interlocked.Add(ref run.Transformed, batch.Count);
            if (_destination is IEncodingDestination<T> { EncodesAhead: true } encoder && batch.Count > 0)
            {
                // Formatting runs on the thread pool, several batches at once; the load stage appends them in order.
                batch.Encoded = Task.Run(() => encoder.Encode(batch.Rows), cancellationToken);
            }

            await output.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task LoadAsync(RunCounters run, DeadLetterWriter deadLetters, PipelineState? previousState, Polly.ResiliencePipeline retry, ChannelReader<SourceBatch<T>> input, CancellationToken cancellationToken)
    {
        // Without retries nothing is ever written twice, so each batch goes back to the pool once written.
        var unit = new LoadUnit(keepForReplay: Options.RetryPolicy.MaxRetries > 0);
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await input.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // An upstream stage failed: the batches it passed on before are good, commit them.
                    await CommitAsync(run, unit, deadLetters, previousState, retry, cancellationToken).ConfigureAwait(false);
                    throw;
                }

                if (!more)
                {
                    break;
                }

                while (input.TryRead(out var batch))
                {
                    run.LoadTime.Start();
                    try
                    {
                        unit.Add(batch);
                        await retry.ExecuteAsync(static (state, token) => state.Self.WriteUnitAsync(state.Unit, commit: false, token), (Self: this, Unit: unit), cancellationToken).ConfigureAwait(false);
                        if (unit.Batches >= Options.CommitEvery)
                        {
                            await CommitAsync(run, unit, deadLetters, previousState, retry, cancellationToken).ConfigureAwait(false);
                        }
                    }
                    finally
                    {
                        run.LoadTime.Stop();
                    }
                }
            }

            run.LoadTime.Start();
            await CommitAsync(run, unit, deadLetters, previousState, retry, cancellationToken).ConfigureAwait(false);
            run.LoadTime.Stop();
        }
        finally
        {
            if (unit.Open)
            {
                // Cancelled or failed between two batches of a transaction: none of its rows stay.
                await _destination.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }

            unit.ReleaseAll();
        }
    }

    // One attempt: a transaction rolled back by an earlier attempt is begun again and every held batch written again.
    private async ValueTask WriteUnitAsync(LoadUnit unit, bool commit, CancellationToken cancellationToken)
    {
        try
        {
            for (; unit.Written < unit.Held.Count; unit.Written++)
            {
                var batch = unit.Held[unit.Written];
                if (batch.Count == 0)
                {
                    continue;
                }

                if (!unit.Open)
                {
                    await _destination.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    unit.Open = true;
                }

                unit.RowsWritten += batch.Encoded is { } encoded
                    ? await ((IEncodingDestination<T>)_destination).WriteEncodedAsync(await encoded.ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
                    : await _destination.WriteAsync(batch.Memory, cancellationToken).ConfigureAwait(false);
            }

            unit.ReleaseWrittenUnlessKept();
            if (commit && unit.Open)
            {
                await _destination.CommitAsync(cancellationToken).ConfigureAwait(false);
                unit.Open = false;
            }
        }
        catch
        {
            unit.Open = false;
            unit.Written = 0;
            unit.RowsWritten = 0;
            await _destination.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task CommitAsync(RunCounters run, LoadUnit unit, DeadLetterWriter deadLetters, PipelineState? previousState, Polly.ResiliencePipeline retry, CancellationToken cancellationToken)
    {
        if (unit.Batches == 0)
        {
            return;
        }

        await retry.ExecuteAsync(static (state, token) => state.Self.WriteUnitAsync(state.Unit, commit: true, token), (Self: this, Unit: unit), cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref run.Loaded, unit.RowsWritten);

        // Rows the source skipped into the dead-letter file must be durable before the checkpoint passes them.
        deadLetters.Flush();
        if (_destination is ICompletableDestination { PublishesOnCompletion: true })
        {
            // Rows are not visible until the run completes: the checkpoint waits for that too.
            run.PendingPosition = unit.Position ?? run.PendingPosition;
        }
        else
        {
            SaveCheckpoint(run, unit.Position, previousState);
        }

        unit.Reset();
    }

    private void SaveCheckpoint(RunCounters run, SourceState? position, PipelineState? previousState)
    {
        if (Options.State is not { } states || position is null || !_source.SupportsIncremental)
        {
            return;
        }

        var now = Options.TimeProvider.GetUtcNow();
        var state = new PipelineState
        {
            PipelineId = Name,
            AdapterType = _source.SourceType,
            AdapterId = _source.SourceId,
            LastRun = now,
            LastModified = position.LastModified,
            RecordsProcessed = position.RecordsProcessed,
            FileHash = position.FileHash,
            Checkpoint = position.Checkpoint,
            Metadata = new StateMetadata { CreatedAt = previousState?.Metadata.CreatedAt ?? run.StartTime },
        };
        states.SaveState(Name, _source.SourceId, state);
        run.LastSavedState = state;
    }

    // Runs one stage; on failure, records which stage failed first, passes the error downstream and stops the stages upstream.
    private static async Task Guard(RunCounters run, PipelineStage stage, CancellationTokenSource[] upstream, ChannelWriter<SourceBatch<T>>? output, Func<Task> body)
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
                lock (run)
                {
                    run.FailedStage ??= stage;
                }
            }

            output?.TryComplete(error);
            foreach (var stop in upstream)
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    private Channel<SourceBatch<T>> NewChannel() =>
        Channel.CreateBounded<SourceBatch<T>>(new BoundedChannelOptions(Options.BatchesInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
        });

    private static void DrainAndRelease(ChannelReader<SourceBatch<T>> reader)
    {
        while (reader.TryRead(out var batch))
        {
            batch.Release();
        }
    }

    private static PipelineError ToError(Exception error, PipelineStage stage) => error switch
    {
        EtlException etl => new PipelineError(StageOf(etl, stage), etl.GetType().Name, etl.Message)
        {
            Location = etl.Location,
            Retryable = etl is ConnectionFailedException or ReadException or WriteException,
        },
        _ => new PipelineError(stage, error.GetType().Name, error.Message) { StackTrace = error.StackTrace },
    };

    private static PipelineStage StageOf(EtlException error, PipelineStage fallback) => error switch
    {
        ReadException => PipelineStage.Extract,
        TransformException => PipelineStage.Transform,
        WriteException => PipelineStage.Load,
        _ => fallback,
    };

    // The batches of the open transaction: kept until the commit when a retry may have to write them again.
    private sealed class LoadUnit(bool keepForReplay)
    {
        public List<SourceBatch<T>> Held { get; } = [];

        // How many of Held the open transaction already holds.
        public int Written { get; set; }

        public bool Open { get; set; }

        public int Batches { get; private set; }

        public long RowsWritten { get; set; }

        public SourceState? Position { get; private set; }

        public void Add(SourceBatch<T> batch)
        {
            Held.Add(batch);
            Batches++;
            Position = batch.StateAfter ?? Position;
        }

        public void ReleaseWrittenUnlessKept()
        {
            if (!keepForReplay)
            {
                ReleaseAll();
            }
        }

        public void Reset()
        {
            ReleaseAll();
            Batches = 0;
            RowsWritten = 0;
            Position = null;
        }

        public void ReleaseAll()
        {
            foreach (var batch in Held)
            {
                batch.Release();
            }

            Held.Clear();
            Written = 0;
        }
    }

    private sealed class RunCounters
    {
        public long Extracted;
        public long Transformed;
        public long Loaded;

        public DateTimeOffset StartTime { get; init; }

        public PipelineStage? FailedStage { get; set; }

        public Stopwatch ExtractTime { get; } = new();

        public Stopwatch TransformTime { get; } = new();

        public Stopwatch LoadTime { get; } = new();

        public List<string> Warnings { get; } = [];

        public PipelineState? LastSavedState { get; set; }

        public SourceState? PendingPosition { get; set; }
    }
}
