namespace AiEtl;

/// <summary>
/// Builds the rest of a pipeline after <see cref="PipelineBuilder{T}.Select"/>: the steps on the projected rows, the
/// destination of <typeparamref name="TOut"/> rows, options. The source and the steps before the projection are
/// those of the builder it came from.
/// </summary>
/// <typeparam name="T">The rows read.</typeparam>
/// <typeparam name="TOut">The rows loaded.</typeparam>
public sealed class ProjectedPipelineBuilder<T, TOut>
    where TOut : IEtlRecord<TOut>
{
    private readonly PipelineBuilder<T> _before;
    private readonly Func<T, TOut> _project;
    private readonly string _name;

    // Only lambdas after the projection: they keep no state, so they need no checkpoint, first pass or merge of their own.
    private readonly List<Transform<TOut>> _after = [];
    private IDestination<TOut>? _destination;
    private PipelineOptions? _options;

    internal ProjectedPipelineBuilder(PipelineBuilder<T> before, Func<T, TOut> project, string name)
    {
        _before = before;
        _project = project;
        _name = name;
    }

    /// <summary>Adds a step that replaces each projected row with what <paramref name="map"/> returns (a <see cref="MapTransform{T}"/>).</summary>
    public ProjectedPipelineBuilder<T, TOut> Map(Func<TOut, TOut> map, string name = "map")
    {
        _after.Add(new MapTransform<TOut>(map, name));
        return this;
    }

    /// <summary>Adds a step that keeps only the projected rows for which <paramref name="keep"/> is true (a <see cref="FilterTransform{T}"/>).</summary>
    public ProjectedPipelineBuilder<T, TOut> Filter(Func<TOut, bool> keep, string name = "filter")
    {
        _after.Add(new FilterTransform<TOut>(keep, name));
        return this;
    }

    /// <summary>Sets the destination.</summary>
    public ProjectedPipelineBuilder<T, TOut> To(IDestination<TOut> destination)
    {
        _destination = destination ?? throw new ArgumentNullException(nameof(destination));
        return this;
    }

    /// <summary>Sets the options, in place of those given to the builder before the projection.</summary>
    public ProjectedPipelineBuilder<T, TOut> WithOptions(PipelineOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        return this;
    }

    /// <summary>Builds the pipeline; it is typed to the rows it loads.</summary>
    /// <exception cref="PipelineConfigurationException">The source or the destination is missing.</exception>
    public EtlPipeline<TOut> Build() => EtlPipeline<TOut>.Projecting(
        _before.Name,
        _before.RequiredSource(),
        _before.Transforms,
        new Projection<T, TOut>(_project, _name, [.. _after]),
        _destination ?? throw PipelineBuilder<T>.NoDestination(_before.Name),
        _options ?? _before.Options);

    /// <summary>Builds and runs the pipeline.</summary>
    public Task<PipelineResult> RunAsync(CancellationToken cancellationToken = default) => Build().RunAsync(cancellationToken);
}
