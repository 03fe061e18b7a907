namespace AiEtl;

/// <summary>
/// Streams rows from a source through transforms to a destination. Extract, transform and load run
/// concurrently, joined by bounded channels of batches, so memory stays flat. Every
/// <see cref="PipelineOptions.CommitEvery"/> batches are written in one transaction; the checkpoint of
/// the last of them is saved only after that commit, so a killed run resumes without losing a row.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed class EtlPipeline<T>
{
    private readonly ISource<T> _source;
    private readonly IReadOnlyList<Transform<T>> _transforms;
    private readonly IDestination<T> _destination;
    private readonly SensitiveDataMasker _masker;

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
    public Task<PipelineResult> RunAsync(CancellationToken cancellationToken = default) =>
        new PipelineRun<T>(Name, _source, _transforms, _destination, Options, _masker).RunAsync(cancellationToken);
}
