using System.Diagnostics;
using AiEtl.Csv;
using AiEtl.Sqlite;
using Microsoft.Data.Sqlite;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AiEtl.IntegrationTests.Telemetry;

[EtlRecord("telemetry_rows")]
public partial record struct TelemetryRow([property: PrimaryKey] int Id, int Amount);

/// <summary>
/// The real OpenTelemetry SDK, wired as a user would (<c>AddMeter("AiEtl")</c>, <c>AddSource("AiEtl")</c>), collects
/// a CSV -> SQLite run's row counters, commit histogram and traces: a run span with a commit span per transaction.
/// </summary>
public sealed class OpenTelemetrySdkTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-otel-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_sdk_collects_the_runs_metrics_and_traces()
    {
        var input = Path.Combine(_directory, "rows.csv");
        await File.WriteAllTextAsync(input, "id,amount\n" + string.Concat(Enumerable.Range(1, 25).Select(i => $"{i},{(i == 7 ? "x" : i)}\n")), TestContext.Current.CancellationToken);
        var metrics = new List<Metric>();
        var spans = new List<Activity>();
        var pipeline = $"otel-{Guid.NewGuid():N}";
        using (var meters = Sdk.CreateMeterProviderBuilder().AddMeter("AiEtl").AddInMemoryExporter(metrics).Build())
        using (var tracer = Sdk.CreateTracerProviderBuilder().AddSource("AiEtl").AddInMemoryExporter(spans).Build())
        {
            var result = await EtlPipeline.Create<TelemetryRow>(pipeline)
                .From(new CsvSource<TelemetryRow>(input))
                .To(new SqliteDestination<TelemetryRow>(new SqliteDestinationOptions(Path.Combine(_directory, "rows.db"))))
                .WithOptions(new PipelineOptions { BatchSize = 10, ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip, DeadLetterPath = Path.Combine(_directory, "dlq.jsonl") } })
                .RunAsync(TestContext.Current.CancellationToken);
            Assert.True(result.Success, result.Describe());
            meters.ForceFlush();
            tracer.ForceFlush();
        }

        // Other tests run pipelines in this process at the same time: only this pipeline's points count.
        Assert.Equal(25, Sum(metrics, "aietl.pipeline.rows.extracted", pipeline));
        Assert.Equal(24, Sum(metrics, "aietl.pipeline.rows.loaded", pipeline));
        Assert.Equal(1, Sum(metrics, "aietl.pipeline.rows.failed", pipeline));
        Assert.Equal(3, HistogramCount(metrics, "aietl.pipeline.commit.duration", pipeline));

        var mine = spans.Where(s => Equals(s.GetTagItem("aietl.pipeline.name"), pipeline)).ToList();
        var run = Assert.Single(mine, s => s.OperationName == "aietl.pipeline.run");
        var commits = mine.Where(s => s.OperationName == "aietl.pipeline.commit").ToList();
        Assert.Equal(3, commits.Count);
        Assert.All(commits, commit => Assert.Equal(run.TraceId, commit.TraceId));
        Assert.Equal(ActivityStatusCode.Ok, run.Status);
    }

    private static long Sum(List<Metric> metrics, string name, string pipeline) => Total(metrics, name, pipeline, static (in MetricPoint point) => point.GetSumLong());

    private static long HistogramCount(List<Metric> metrics, string name, string pipeline) => Total(metrics, name, pipeline, static (in MetricPoint point) => point.GetHistogramCount());

    private static long Total(List<Metric> metrics, string name, string pipeline, PointValue value)
    {
        long total = 0;

        // Cumulative: the last export of a metric holds its totals (the provider exports again when disposed).
        foreach (var metric in metrics.Where(m => m.Name == name).TakeLast(1))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                if (Tagged(point, pipeline))
                {
                    total += value(in point);
                }
            }
        }

        return total;
    }

    private static bool Tagged(in MetricPoint point, string pipeline)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == "aietl.pipeline.name" && Equals(tag.Value, pipeline))
            {
                return true;
            }
        }

        return false;
    }

    private delegate long PointValue(in MetricPoint point);
}
