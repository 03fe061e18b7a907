namespace AiEtl;

/// <summary>
/// A pipeline the source generator compiled from a <c>*.etl.yaml</c> file: typed to its record, wired to the
/// record's generated codecs, with no configuration read when it runs. The generated registry of an assembly
/// (<c>CompiledPipelines.All</c>) lists them by name.
/// </summary>
public interface ICompiledPipeline
{
    /// <summary>The pipeline's name (<c>pipeline.name</c>): its id in state, logs and the dead-letter file.</summary>
    string Name { get; }

    /// <summary>What the pipeline does (<c>pipeline.description</c>), or <see langword="null"/>.</summary>
    string? Description { get; }

    /// <summary>The <c>[EtlRecord]</c> type of its rows.</summary>
    Type RecordType { get; }

    /// <summary>The file the pipeline was compiled from, relative to its project.</summary>
    string SourceFile { get; }

    /// <summary>Runs the pipeline once: extracts, transforms and loads every row, and returns what happened.</summary>
    /// <param name="options">Where relative paths start, values for <c>${VAR}</c> placeholders, and the run's knobs; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run cleanly: the open transaction is rolled back and the state keeps the last checkpoint.</param>
    Task<PipelineResult> RunAsync(PipelineRunOptions? options = null, CancellationToken cancellationToken = default);
}
