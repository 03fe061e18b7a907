using System.Collections.Generic;

namespace AiEtl.Configuration.Model;

/// <summary>A validated pipeline file: every key of the seed's configuration, with defaults where it was silent.</summary>
public sealed class PipelineConfiguration
{
    /// <summary>The pipeline file.</summary>
    public string FilePath { get; init; } = "";

    /// <summary>The folder relative paths are resolved against: the pipeline file's.</summary>
    public string BaseDirectory { get; init; } = "";

    /// <summary>The pipeline's name, its id.</summary>
    public string Name { get; init; } = "";

    /// <summary>What it does.</summary>
    public string? Description { get; init; }

    /// <summary>Its version.</summary>
    public string Version { get; init; } = "1.0";

    /// <summary>How it runs.</summary>
    public ExecutionSettings Execution { get; init; } = new();

    /// <summary>Where the rows come from.</summary>
    public SourceSettings Source { get; init; } = new();

    /// <summary>The transforms, in order.</summary>
    public IReadOnlyList<AdapterSettings> Transforms { get; init; } = [];

    /// <summary>Where the rows go.</summary>
    public DestinationSettings Destination { get; init; } = new();

    /// <summary>Logging and metrics.</summary>
    public MonitoringSettings Monitoring { get; init; } = new();

    /// <summary>Error handling.</summary>
    public ErrorHandlingSettings ErrorHandling { get; init; } = new();

    /// <summary>Masking.</summary>
    public MaskingSettings Masking { get; init; } = new();

    /// <summary>The state folder from <c>LOCAL_STATE_PATH</c> when <c>state_file</c> is absent, or <see langword="null"/>.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>The whole validated file, for keys the typed model does not surface.</summary>
    public ConfigSection Root { get; init; } = ConfigSection.Empty("", default, []);
}
