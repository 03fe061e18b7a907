namespace AiEtl;

/// <summary>
/// Streams rows from a source through transforms to a destination. Extract, transform and load run
/// concurrently, joined by bounded channels of batches, so memory stays flat. Every
/// <see cref="PipelineOptions.CommitEvery"/> batches are written in one transaction; the checkpoint of
/// the last of them is saved only after that commit, so a killed run resumes without losing a row.
/// </summary>
/// <typeparam name="T">The type of the rows it loads: the rows it reads too, unless it projects them into this type (<see cref="PipelineBuilder{T}.Select"/>).</typeparam>
public sealed class EtlPipeline<T>
{
    // Makes and runs one run of this pipeline; it knows the type of the rows read, which this type need not.
    private readonly Func<EtlPipeline<T>, CancellationToken, Task<PipelineResult>> _run;
    private readonly SensitiveDataMasker _masker;

    /// <summary>Creates a pipeline. See <see cref="EtlPipeline.Create{T}"/> for the fluent form.</summary>
    public EtlPipeline(string name, ISource<T> source, IReadOnlyList<Transform<T>> transforms, IDestination<T> destination, PipelineOptions? options = null)
        : this(name, Runs(source, transforms, SameRows<T>.Instance, destination), options)
    {
    }

    private EtlPipeline(string name, Func<EtlPipeline<T>, CancellationToken, Task<PipelineResult>> run, PipelineOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _run = run;
        Options = options ?? new PipelineOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.BatchesInFlight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.CommitEvery ?? 1, nameof(PipelineOptions.CommitEvery));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.MaxWorkers);
        if (Options.Timeout is { } timeout)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(PipelineOptions.Timeout));
        }

        _masker = new SensitiveDataMasker(Options.Masking);
    }

    /// <summary>The pipeline's name, also its id in state files and dead-letter entries.</summary>
    public string Name { get; }

    /// <summary>The options.</summary>
    public PipelineOptions Options { get; }

    /// <summary>Runs the pipeline to the end of the source. Failures are reported in the result, not thrown.</summary>
    public Task<PipelineResult> RunAsync(CancellationToken cancellationToken = default) => _run(this, cancellationToken);

    /// <summary>A pipeline that reads rows of type <typeparamref name="TIn"/> and loads what <paramref name="projection"/> makes of them.</summary>
    internal static EtlPipeline<T> Projecting<TIn>(string name, ISource<TIn> source, IReadOnlyList<Transform<TIn>> transforms, IBatchProjection<TIn, T> projection, IDestination<T> destination, PipelineOptions? options) =>
        new(name, Runs(source, transforms, projection, destination), options);

    private static Func<EtlPipeline<T>, CancellationToken, Task<PipelineResult>> Runs<TIn>(ISource<TIn> source, IReadOnlyList<Transform<TIn>> transforms, IBatchProjection<TIn, T> projection, IDestination<T> destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(transforms);
        ArgumentNullException.ThrowIfNull(destination);
        return (pipeline, cancellationToken) => new PipelineRun<TIn, T>(pipeline.Name, source, transforms, projection, destination, pipeline.Options, pipeline._masker).RunAsync(cancellationToken);
    }
}
