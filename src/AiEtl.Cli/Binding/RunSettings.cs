namespace AiEtl.Cli.Binding;

/// <summary>What the command line adds to a configuration when it binds it: a full refresh, where progress goes.</summary>
internal sealed class RunSettings
{
    public bool FullRefresh { get; init; }

    public IProgress<PipelineProgress>? Progress { get; init; }

    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; init; }
}
