using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AiEtl;

/// <summary>
/// What a run reports to OpenTelemetry or any other listener, through .NET's own <see cref="Meter"/> and
/// <see cref="ActivitySource"/> (both named <c>AiEtl</c>; nothing is recorded until a listener subscribes).
/// Metrics, each tagged <c>aietl.pipeline.name</c>: the counters <c>aietl.pipeline.rows.extracted</c>,
/// <c>.transformed</c>, <c>.loaded</c> and <c>.failed</c> ({row}), and the histogram
/// <c>aietl.pipeline.commit.duration</c> (s). Traces: an activity <c>aietl.pipeline.run</c> a run, with one
/// <c>aietl.pipeline.commit</c> child a transaction.
/// </summary>
internal static class PipelineTelemetry
{
    public const string Name = "AiEtl";
    public const string PipelineTag = "aietl.pipeline.name";

    private static readonly string? Version = typeof(PipelineTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Traces = new(Name, Version);

    private static readonly Meter Metrics = new(Name, Version);

    public static readonly Counter<long> RowsExtracted = Metrics.CreateCounter<long>("aietl.pipeline.rows.extracted", "{row}", "Records read from the source, bad ones included");

    public static readonly Counter<long> RowsTransformed = Metrics.CreateCounter<long>("aietl.pipeline.rows.transformed", "{row}", "Rows that left the transforms");

    public static readonly Counter<long> RowsLoaded = Metrics.CreateCounter<long>("aietl.pipeline.rows.loaded", "{row}", "Rows committed to the destination");

    public static readonly Counter<long> RowsFailed = Metrics.CreateCounter<long>("aietl.pipeline.rows.failed", "{row}", "Rows rejected into the dead-letter file");

    public static readonly Histogram<double> CommitDuration = Metrics.CreateHistogram<double>("aietl.pipeline.commit.duration", "s", "Time to write and commit one transaction");

    public static TagList Tags(string pipeline) => new() { { PipelineTag, pipeline } };
}
