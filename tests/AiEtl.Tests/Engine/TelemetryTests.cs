using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AiEtl.Csv;

namespace AiEtl.Tests.Engine;

/// <summary>A run reports its rows and commits to the <c>AiEtl</c> meter and its run and commits to the <c>AiEtl</c> activity source.</summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-telemetry-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_run_counts_its_rows_times_its_commits_and_traces_the_run_with_a_child_per_commit()
    {
        // Other tests run pipelines at the same time: only this one's name counts.
        var pipeline = $"telemetry-{Guid.NewGuid():N}";
        var input = Path.Combine(_directory, "people.csv");
        await File.WriteAllTextAsync(input, "id,name,age,born,balance\n" + string.Concat(Enumerable.Range(1, 25).Select(i => $"{i},n{i},{(i == 7 ? "x" : "30")},2000-01-01,1\n")), TestContext.Current.CancellationToken);
        var sums = new ConcurrentDictionary<string, double>();
        var commits = 0;
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "AiEtl")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        void Measured<TValue>(Instrument instrument, TValue value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "aietl.pipeline.name" && Equals(tag.Value, pipeline))
                {
                    sums.AddOrUpdate(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), (_, sum) => sum + Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                    if (instrument.Name == "aietl.pipeline.commit.duration")
                    {
                        Interlocked.Increment(ref commits);
                    }
                }
            }
        }

        meters.SetMeasurementEventCallback<long>(Measured);
        meters.SetMeasurementEventCallback<double>(Measured);
        meters.Start();
        var activities = new ConcurrentBag<Activity>();
        using var traces = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "AiEtl",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("aietl.pipeline.name"), pipeline))
                {
                    activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(traces);

        var result = await EtlPipeline.Create<Person>(pipeline).From(new CsvSource<Person>(input)).To(new RecordingDestination<Person>())
            .WithOptions(new PipelineOptions { BatchSize = 10, ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip, DeadLetterPath = Path.Combine(_directory, "dlq.jsonl") } })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(25, sums["aietl.pipeline.rows.extracted"]);
        Assert.Equal(24, sums["aietl.pipeline.rows.transformed"]);
        Assert.Equal(24, sums["aietl.pipeline.rows.loaded"]);
        Assert.Equal(1, sums["aietl.pipeline.rows.failed"]);
        Assert.Equal(3, commits);
        var run = Assert.Single(activities, a => a.OperationName == "aietl.pipeline.run");
        Assert.Equal(ActivityStatusCode.Ok, run.Status);
        var children = activities.Where(a => a.OperationName == "aietl.pipeline.commit").ToList();
        Assert.Equal(3, children.Count);
        Assert.All(children, child => Assert.Equal(run.SpanId, child.ParentSpanId));
        Assert.Equal(24L, children.Sum(child => (long)child.GetTagItem("aietl.rows")!));
    }
}
