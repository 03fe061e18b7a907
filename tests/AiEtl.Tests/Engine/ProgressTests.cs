using AiEtl.Csv;

namespace AiEtl.Tests.Engine;

/// <summary>A run reports its progress after each commit and once at the end.</summary>
public sealed class ProgressTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-progress-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Each_commit_reports_the_rows_so_far_and_the_end_says_it_completed()
    {
        var input = Path.Combine(_directory, "people.csv");
        await File.WriteAllTextAsync(input, "id,name,age,born,balance\n" + string.Concat(Enumerable.Range(1, 25).Select(i => $"{i},n{i},{(i == 3 ? "x" : "30")},2000-01-01,1\n")), TestContext.Current.CancellationToken);
        var reports = new Reports();

        var result = await EtlPipeline.Create<Person>("progress").From(new CsvSource<Person>(input)).To(new RecordingDestination<Person>())
            .WithOptions(new PipelineOptions
            {
                BatchSize = 10,
                Progress = reports,
                ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip, DeadLetterPath = Path.Combine(_directory, "dlq.jsonl") },
            })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.Equal([9L, 19L, 24L, 24L], reports.All.Select(r => r.RecordsLoaded));
        Assert.Equal([1L, 2L, 3L, 3L], reports.All.Select(r => r.Commits));
        Assert.Equal([false, false, false, true], reports.All.Select(r => r.Completed));
        var last = reports.All[^1];
        Assert.Equal((25L, 1L, "progress"), (last.RecordsExtracted, last.RecordsFailed, last.PipelineId));
        Assert.True(last.RecordsPerSecond > 0);
    }

    [Fact]
    public async Task A_plain_file_reports_the_bytes_committed_of_its_size_and_an_estimate_of_the_time_left()
    {
        var input = Path.Combine(_directory, "people.csv");
        var header = "id,name,age,born,balance\n";
        var lines = Enumerable.Range(1, 40).Select(i => $"{i},n{i},30,2000-01-01,1\n").ToList();
        await File.WriteAllTextAsync(input, header + string.Concat(lines), TestContext.Current.CancellationToken);
        var reports = new Reports();

        var result = await EtlPipeline.Create<Person>("progress-bytes").From(new CsvSource<Person>(input)).To(new RecordingDestination<Person>())
            .WithOptions(new PipelineOptions { BatchSize = 10, Progress = reports })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        var size = new FileInfo(input).Length;
        Assert.All(reports.All, r => Assert.Equal(size, r.TotalBytes));
        var afterTen = header.Length + string.Concat(lines.Take(10)).Length;
        Assert.Equal(afterTen, reports.All[0].BytesRead);
        Assert.Equal(afterTen / (double)size, reports.All[0].Fraction!.Value, 10);
        Assert.NotNull(reports.All[0].EstimatedRemaining);
        Assert.Equal(size, reports.All[^1].BytesRead);
        Assert.Equal(TimeSpan.Zero, reports.All[^1].EstimatedRemaining);
    }

    [Fact]
    public async Task A_source_of_unknown_size_reports_no_bytes_and_no_estimate()
    {
        var reports = new Reports();

        await EtlPipeline.Create<Person>("progress-memory").From(new EnumerableSource<Person>([new Person(1, "a", 3, new DateOnly(2000, 1, 1), 1)])).To(new RecordingDestination<Person>())
            .WithOptions(new PipelineOptions { Progress = reports })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.All(reports.All, r => Assert.Null(r.Fraction));
        Assert.All(reports.All, r => Assert.Null(r.EstimatedRemaining));
    }

    [Fact]
    public async Task A_progress_callback_that_throws_is_dropped_with_a_warning_and_the_run_loads_everything()
    {
        var input = Path.Combine(_directory, "people.csv");
        await File.WriteAllTextAsync(input, "id,name,age,born,balance\n" + string.Concat(Enumerable.Range(1, 30).Select(i => $"{i},n{i},30,2000-01-01,1\n")), TestContext.Current.CancellationToken);
        var calls = 0;
        var destination = new RecordingDestination<Person>();

        var result = await EtlPipeline.Create<Person>("progress-throws").From(new CsvSource<Person>(input)).To(destination)
            .WithOptions(new PipelineOptions { BatchSize = 10, Progress = new Throwing(() => calls++) })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(30, result.RecordsLoaded);
        Assert.Equal(30, destination.Committed.Count);
        Assert.Equal(1, calls);
        var warning = Assert.Single(result.Warnings, w => w.Contains("progress callback", StringComparison.Ordinal));
        Assert.Contains("InvalidOperationException (the display is gone)", warning, StringComparison.Ordinal);
    }

    private sealed class Throwing(Action called) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value)
        {
            called();
            throw new InvalidOperationException("the display is gone");
        }
    }

    // Synchronous, unlike Progress<T>, so the test sees every report in order.
    private sealed class Reports : IProgress<PipelineProgress>
    {
        public List<PipelineProgress> All { get; } = [];

        public void Report(PipelineProgress value) => All.Add(value);
    }
}
