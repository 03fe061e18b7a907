using System.Buffers;

namespace AiEtl;

/// <summary>
/// The incremental state of one run. Before reading, restores where the source resumes and what the resumable
/// transforms remember, from the destination when it keeps its own checkpoint (the truth) and else from the state
/// file. At each commit, stages the new checkpoint in the destination (committed with the rows), and after the
/// commit mirrors it to the state file. Does nothing without <see cref="PipelineOptions.State"/> or for a source
/// that cannot resume.
/// </summary>
/// <typeparam name="T">The rows read.</typeparam>
/// <typeparam name="TOut">The rows loaded: <typeparamref name="T"/> unless the pipeline projects them.</typeparam>
internal sealed class SourceCheckpoints<T, TOut> : ITransactionCheckpoints
{
    private readonly string _pipeline;
    private readonly ISource<T> _source;
    private readonly IDestination<TOut> _destination;
    private readonly IReadOnlyList<Transform<T>> _transforms;
    private readonly PipelineOptions _options;
    private readonly DateTimeOffset _runStart;
    private readonly List<string> _warnings;

    public SourceCheckpoints(string pipeline, ISource<T> source, IDestination<TOut> destination, IReadOnlyList<Transform<T>> transforms, PipelineOptions options, DateTimeOffset runStart, List<string> warnings)
    {
        _pipeline = pipeline;
        _source = source;
        _destination = destination;
        _transforms = transforms;
        _options = options;
        _runStart = runStart;
        _warnings = warnings;
    }

    private StateManager? States => _options.State is { } states && _source.SupportsIncremental ? states : null;

    private ICheckpointingDestination? Store => States is not null ? _destination as ICheckpointingDestination : null;

    private CheckpointKey Key => new(_pipeline, _source.SourceId);

    /// <summary>The state the run started from, once <see cref="RestoreAsync"/> has read it.</summary>
    public PipelineState? Previous { get; private set; }

    /// <summary>The state file this run reads and writes, or <see langword="null"/> when it keeps no state.</summary>
    public string? StatePath => States is { } states ? Path.GetFullPath(states.GetStatePath(_pipeline, _source.SourceId, _destination.DestinationId)) : null;

    /// <summary>The last state committed by this run.</summary>
    public PipelineState? LastSaved { get; private set; }

    /// <inheritdoc />
    public PipelineState? Staged { get; private set; }

    /// <inheritdoc />
    public bool CommitsInDestination => Store is not null && _destination is not ICompletableDestination { PublishesOnCompletion: true };

    public async ValueTask RestoreAsync(CancellationToken cancellationToken)
    {
        if (States is not { } states)
        {
            return;
        }

        var mirror = ReadMirror(states);
        StoredCheckpoint? stored = null;
        if (Store is { } store)
        {
            stored = store.StartsEmpty ? null : await store.ReadCheckpointAsync(Key, cancellationToken).ConfigureAwait(false);
            if (!store.StartsEmpty && !Agree(mirror, stored?.State))
            {
                _warnings.Add($"state: the destination {_destination.DestinationId} holds the checkpoint of {stored?.State.RecordsProcessed ?? 0} records "
                    + $"and the state file {StatePath} says {mirror?.RecordsProcessed ?? 0}: resuming from the destination's, which committed them "
                    + "(an earlier run stopped between its commit and the state file)");
            }
        }

        Previous = Store is null ? mirror : stored?.State;
        var resume = Previous is not null && !_options.FullRefresh;
        RestoreTransforms(resume ? stored : null);
        if (!resume)
        {
            return;
        }

        var saved = Previous!;

        _source.SetState(new SourceState
        {
            RecordsProcessed = saved.RecordsProcessed,
            Checkpoint = saved.Checkpoint,
            FileHash = saved.FileHash,
            LastModified = saved.LastModified,
        });
    }

    /// <summary>Takes what each resumable transform learnt from <paramref name="batch"/>, for the commit that covers it.</summary>
    public void TakeDeltas(SourceBatch<T> batch)
    {
        if (Store is null)
        {
            return;
        }

        for (var i = 0; i < _transforms.Count; i++)
        {
            TakeDelta(batch, i);
        }
    }

    /// <summary>Takes what the transform at <paramref name="index"/> learnt from <paramref name="batch"/>, right after it transformed it.</summary>
    public void TakeDelta(SourceBatch<T> batch, int index)
    {
        if (Store is not null && _transforms[index] is IResumableTransform resumable)
        {
            var delta = new ArrayBufferWriter<byte>();
            resumable.TakeStateDelta(delta);
            (batch.TransformDeltas ??= new Dictionary<string, byte[]>(StringComparer.Ordinal))[TransformKey(index)] = delta.WrittenSpan.ToArray();
        }
    }

    /// <inheritdoc />
    public void Stage(SourceState? position, IReadOnlyDictionary<string, byte[]> deltas)
    {
        if (States is null || position is null)
        {
            return;
        }

        var state = new PipelineState
        {
            PipelineId = _pipeline,
            AdapterType = _source.SourceType,
            AdapterId = _source.SourceId,
            DestinationType = _destination.DestinationType,
            DestinationId = _destination.DestinationId,
            LastRun = _options.TimeProvider.GetUtcNow(),
            LastModified = position.LastModified,
            RecordsProcessed = position.RecordsProcessed,
            FileHash = position.FileHash,
            Checkpoint = position.Checkpoint,
            Metadata = new StateMetadata { CreatedAt = Previous?.Metadata.CreatedAt ?? _runStart },
        };
        Store?.StageCheckpoint(Key, new StoredCheckpoint(state, deltas));
        Staged = state;
    }

    /// <inheritdoc />
    public void Committed()
    {
        if (States is not { } states || Staged is not { } state)
        {
            return;
        }

        LastSaved = state;
        states.SaveState(_pipeline, _source.SourceId, state, _destination.DestinationId);
        CrashPoints.Reach(CrashPoints.StateSaved);
    }

    private PipelineState? ReadMirror(StateManager states)
    {
        var mirror = states.GetState(_pipeline, _source.SourceId, _destination.DestinationId);
        if (mirror is null && File.Exists(states.GetStatePath(_pipeline, _source.SourceId)))
        {
            // Never guess which destination an old state belongs to: loading another one from its checkpoint would load nothing.
            throw new StateException(
                $"the state file {Path.GetFullPath(states.GetStatePath(_pipeline, _source.SourceId))} was written by an earlier version and does not say which destination "
                + $"it belongs to; if it belongs to {_destination.DestinationId}, move it to {StatePath}, else delete it to read the source from its start",
                new DataLocation(states.GetStatePath(_pipeline, _source.SourceId)));
        }

        return mirror;
    }

    // Every resumable transform is restored, with nothing on a first run, so it starts keeping deltas for the checkpoint.
    private void RestoreTransforms(StoredCheckpoint? stored)
    {
        if (Store is null)
        {
            return;
        }

        for (var i = 0; i < _transforms.Count; i++)
        {
            if (_transforms[i] is IResumableTransform resumable)
            {
                resumable.RestoreState(stored?.TransformState.GetValueOrDefault(TransformKey(i)) ?? []);
            }
        }

        foreach (var key in stored?.TransformState.Keys.Where(k => !Enumerable.Range(0, _transforms.Count).Any(i => TransformKey(i) == k)) ?? [])
        {
            _warnings.Add($"state: the checkpoint holds the memory of transform '{key}', which this pipeline no longer has at that place; it is ignored");
        }
    }

    private string TransformKey(int index) => $"{index}:{_transforms[index].Name}";

    private static bool Agree(PipelineState? mirror, PipelineState? stored) =>
        mirror?.RecordsProcessed == stored?.RecordsProcessed && Equals(mirror?.Checkpoint, stored?.Checkpoint);
}
