namespace AiEtl;

/// <summary>
/// The incremental state of one run: restores the source's saved position before reading, and saves the
/// position of each commit. Does nothing without <see cref="PipelineOptions.State"/> or for a source that
/// cannot resume.
/// </summary>
internal sealed class SourceCheckpoints<T>(string pipeline, ISource<T> source, PipelineOptions options, DateTimeOffset runStart)
{
    private StateManager? States => options.State is { } states && source.SupportsIncremental ? states : null;

    /// <summary>The state saved by an earlier run, once <see cref="Restore"/> has read it.</summary>
    public PipelineState? Previous { get; private set; }

    /// <summary>The state file this run reads and writes, or <see langword="null"/> when it keeps no state.</summary>
    public string? StatePath => States is { } states ? Path.GetFullPath(states.GetStatePath(pipeline, source.SourceId)) : null;

    /// <summary>The last state saved by this run.</summary>
    public PipelineState? LastSaved { get; private set; }

    public void Restore()
    {
        if (States is not { } states)
        {
            return;
        }

        Previous = states.GetState(pipeline, source.SourceId);
        if (Previous is { } saved && !options.FullRefresh)
        {
            source.SetState(new SourceState
            {
                RecordsProcessed = saved.RecordsProcessed,
                Checkpoint = saved.Checkpoint,
                FileHash = saved.FileHash,
                LastModified = saved.LastModified,
            });
        }
    }

    public void Save(SourceState? position)
    {
        if (States is not { } states || position is null)
        {
            return;
        }

        var state = new PipelineState
        {
            PipelineId = pipeline,
            AdapterType = source.SourceType,
            AdapterId = source.SourceId,
            LastRun = options.TimeProvider.GetUtcNow(),
            LastModified = position.LastModified,
            RecordsProcessed = position.RecordsProcessed,
            FileHash = position.FileHash,
            Checkpoint = position.Checkpoint,
            Metadata = new StateMetadata { CreatedAt = Previous?.Metadata.CreatedAt ?? runStart },
        };
        states.SaveState(pipeline, source.SourceId, state);
        LastSaved = state;
    }
}
