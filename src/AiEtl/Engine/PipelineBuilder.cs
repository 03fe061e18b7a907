namespace AiEtl;

/// <summary>Builds an <see cref="EtlPipeline{T}"/>: a source, transforms in order, a destination, options.</summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed class PipelineBuilder<T>
{
    private readonly string _name;
    private readonly List<Transform<T>> _transforms = [];
    private ISource<T>? _source;
    private IDestination<T>? _destination;
    private PipelineOptions _options = new();

    internal PipelineBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _name = name;
    }

    /// <summary>Sets the source.</summary>
    public PipelineBuilder<T> From(ISource<T> source)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        return this;
    }

    /// <summary>Adds a transform; transforms run in the order they are added.</summary>
    public PipelineBuilder<T> Transform(Transform<T> transform)
    {
        _transforms.Add(transform ?? throw new ArgumentNullException(nameof(transform)));
        return this;
    }

    /// <summary>Adds a step that replaces each row with what <paramref name="map"/> returns (a <see cref="MapTransform{T}"/>).</summary>
    public PipelineBuilder<T> Map(Func<T, T> map, string name = "map") => Transform(new MapTransform<T>(map, name));

    /// <summary>Adds a step that keeps only the rows for which <paramref name="keep"/> is true (a <see cref="FilterTransform{T}"/>).</summary>
    public PipelineBuilder<T> Filter(Func<T, bool> keep, string name = "filter") => Transform(new FilterTransform<T>(keep, name));

    /// <summary>
    /// Adds the step that turns each row into a row of another record type, one to one, and returns the builder of
    /// the rest of the pipeline, typed to <typeparamref name="TOut"/>: its destination loads <typeparamref name="TOut"/>
    /// rows and is made for <typeparamref name="TOut"/>'s schema. A projection that throws a
    /// <see cref="TransformException"/> (or a format, argument or invalid-operation exception) rejects the row as a
    /// transform error, as <see cref="ErrorHandlingOptions.OnTransformError"/> says, named by its source position.
    /// </summary>
    /// <typeparam name="TOut">The record type loaded.</typeparam>
    /// <param name="project">What each row becomes; it runs on one batch at a time, in order.</param>
    /// <param name="name">Its name in errors.</param>
    /// <remarks>Call <see cref="From"/> and the steps on <typeparamref name="T"/> before it; the steps after it are on <typeparamref name="TOut"/>.</remarks>
    public ProjectedPipelineBuilder<T, TOut> Select<TOut>(Func<T, TOut> project, string name = "select")
        where TOut : IEtlRecord<TOut>
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ProjectedPipelineBuilder<T, TOut>(this, project, name);
    }

    /// <summary>Sets the destination.</summary>
    public PipelineBuilder<T> To(IDestination<T> destination)
    {
        _destination = destination ?? throw new ArgumentNullException(nameof(destination));
        return this;
    }

    /// <summary>Sets the options.</summary>
    public PipelineBuilder<T> WithOptions(PipelineOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        return this;
    }

    /// <summary>Builds the pipeline.</summary>
    /// <exception cref="PipelineConfigurationException">The source or the destination is missing.</exception>
    public EtlPipeline<T> Build() => new(
        _name,
        RequiredSource(),
        [.. _transforms],
        _destination ?? throw NoDestination(_name),
        _options);

    /// <summary>Builds and runs the pipeline.</summary>
    public Task<PipelineResult> RunAsync(CancellationToken cancellationToken = default) => Build().RunAsync(cancellationToken);

    internal string Name => _name;

    internal ISource<T> RequiredSource() => _source ?? throw new PipelineConfigurationException($"pipeline '{_name}' has no source: call From(...)");

    internal IReadOnlyList<Transform<T>> Transforms => [.. _transforms];

    internal PipelineOptions Options => _options;

    internal static PipelineConfigurationException NoDestination(string name) => new($"pipeline '{name}' has no destination: call To(...)");
}

