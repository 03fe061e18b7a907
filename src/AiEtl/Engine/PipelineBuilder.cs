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
        _source ?? throw new PipelineConfigurationException($"pipeline '{_name}' has no source: call From(...)"),
        [.. _transforms],
        _destination ?? throw new PipelineConfigurationException($"pipeline '{_name}' has no destination: call To(...)"),
        _options);

    /// <summary>Builds and runs the pipeline.</summary>
    public Task<PipelineResult> RunAsync(CancellationToken cancellationToken = default) => Build().RunAsync(cancellationToken);
}

