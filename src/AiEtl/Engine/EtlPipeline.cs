namespace AiEtl;

/// <summary>Entry point of the fluent pipeline builder.</summary>
public static class EtlPipeline
{
    /// <summary>Starts a pipeline of rows of type <typeparamref name="T"/>.</summary>
    /// <param name="name">The pipeline's name, also its id in state files and dead-letter entries.</param>
    public static PipelineBuilder<T> Create<T>(string name) => new(name);
}
