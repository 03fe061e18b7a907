using AiEtl.Csv;
namespace AiEtl.Cli.Binding;

/// <summary>A configuration bound to the runtime: the dynamic-row pipeline's parts, ready to build and run.</summary>
internal sealed class BoundPipeline
{
    public required string Name { get; init; }

    public required ISource<Record> Source { get; init; }

    public required IReadOnlyList<Transform<Record>> Transforms { get; init; }

    public required IDestination<Record> Destination { get; init; }

    public required PipelineOptions Options { get; init; }

    public required Schema Schema { get; init; }

    /// <summary>
    /// The options a CSV source reads with: the configuration's, with what an inference found (its null tokens, a
    /// decimal comma); <see langword="null"/> for another source. A replay parses dead-lettered lines with them too.
    /// </summary>
    public CsvSourceOptions? CsvReadOptions { get; init; }

    /// <summary>The state file (the seed's <c>state_file</c>) or folder, or <see langword="null"/> when the pipeline keeps no state.</summary>
    public string? StateLocation { get; init; }

    public EtlPipeline<Record> Build() => Build(Source, Options);

    /// <summary>The pipeline with another source and options: a replay of dead-lettered rows through the same transforms and destination.</summary>
    public EtlPipeline<Record> Build(ISource<Record> source, PipelineOptions options)
    {
        var builder = EtlPipeline.Create<Record>(Name).From(source);
        foreach (var transform in Transforms)
        {
            builder = builder.Transform(transform);
        }

        return builder.To(Destination).WithOptions(options).Build();
    }
}
