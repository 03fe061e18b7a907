using AiEtl.Csv;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AiEtl.Tests.Engine;

/// <summary>A run logs its start, each commit at Debug, its rejected rows in aggregate and its end; a failed run logs why it stopped.</summary>
public sealed class LoggingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-logging-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_run_logs_its_start_commits_rejections_and_end()
    {
        var input = await WriteAsync("1,ann,30,2000-01-01,1\n2,bob,x,2000-01-01,1\n3,cy,40,2000-01-01,1\n");
        var logs = new FakeLogCollector();
        using var factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));

        var result = await RunAsync(input, factory, ErrorAction.Skip);

        Assert.True(result.Success, result.Describe());
        var records = logs.GetSnapshot();
        Assert.All(records, r => Assert.Equal("AiEtl.Pipeline", r.Category));
        Assert.Equal(
            [
                (LogLevel.Information, $"Pipeline logging started: {Path.GetFullPath(input)} -> list"),
                (LogLevel.Debug, "Pipeline logging committed transaction 1: 2 rows loaded so far"),
                (LogLevel.Warning, $"Pipeline logging rejected 1 rows into {Path.Combine(_directory, "dlq.jsonl")}"),
            ],
            records.Take(3).Select(r => (r.Level, r.Message)));
        Assert.Matches(@"^Pipeline logging finished in .+: 3 read, 2 loaded, 0 filtered, 1 failed$", records[^1].Message);
    }

    [Fact]
    public async Task A_failed_run_logs_the_error_that_stopped_it()
    {
        var input = await WriteAsync("1,ann,30,2000-01-01,1\n2,bob,x,2000-01-01,1\n");
        var logs = new FakeLogCollector();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(new FakeLoggerProvider(logs)));

        var result = await RunAsync(input, factory, ErrorAction.Fail);

        Assert.False(result.Success);
        var last = logs.LatestRecord;
        Assert.Equal(LogLevel.Error, last.Level);
        Assert.StartsWith("Pipeline logging stopped (ReadException): ", last.Message, StringComparison.Ordinal);
        Assert.Contains("'x' is not", last.Message, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string rows)
    {
        var input = Path.Combine(_directory, "people.csv");
        await File.WriteAllTextAsync(input, "id,name,age,born,balance\n" + rows, TestContext.Current.CancellationToken);
        return input;
    }

    private Task<PipelineResult> RunAsync(string input, ILoggerFactory factory, ErrorAction onExtractError) =>
        EtlPipeline.Create<Person>("logging").From(new CsvSource<Person>(input)).To(new RecordingDestination<Person>())
            .WithOptions(new PipelineOptions
            {
                LoggerFactory = factory,
                ErrorHandling = new ErrorHandlingOptions { OnExtractError = onExtractError, DeadLetterPath = Path.Combine(_directory, "dlq.jsonl") },
            })
            .RunAsync(TestContext.Current.CancellationToken);
}
