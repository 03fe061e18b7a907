namespace AiEtl.Configuration.Model;

/// <summary><c>pipeline.monitoring</c>: logging and metrics.</summary>
public sealed class MonitoringSettings
{
    /// <summary>The lowest level logged, upper case (<c>DEBUG</c>, <c>INFO</c>, <c>WARNING</c>, <c>ERROR</c>, <c>CRITICAL</c>).</summary>
    public string LogLevel { get; init; } = "INFO";

    /// <summary><c>text</c> or <c>json</c>.</summary>
    public string LogFormat { get; init; } = "text";

    /// <summary>Whether metrics are reported.</summary>
    public bool MetricsEnabled { get; init; } = true;

    /// <summary>Seconds between progress lines when the output is not a terminal.</summary>
    public double ProgressIntervalSeconds { get; init; } = 5.0;
}
