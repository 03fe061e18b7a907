using System.Text.Json;
using AiEtl.Csv;

namespace AiEtl.Tests.Engine;

/// <summary>
/// The dead-letter file stays one JSON object a line: writer processes killed at random moments leave only whole
/// entries (each is one write, newline included; the writer before this one failed here at the 4 KB buffer edge),
/// and a line left without its newline by an older writer does not swallow the next entry.
/// </summary>
public sealed class DeadLetterFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-dlq-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Writers_killed_at_random_moments_leave_only_whole_entries()
    {
        var target = Path.Combine(_directory, "dlq.jsonl");
        var random = new Random(20261203);
        for (var kill = 0; kill < 6; kill++)
        {
            using var writer = CrashWriterProcess.Start("deadletters", target, "killed");
            var said = await writer.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            Assert.True(said == "writing", $"the writer said '{said}'");
            await Task.Delay(random.Next(0, 30), TestContext.Current.CancellationToken);
            writer.Kill(entireProcessTree: true);
            await writer.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }

        var lines = File.ReadAllLines(target);
        Assert.True(lines.Length >= 6, $"{lines.Length} entries");
        Assert.All(lines, line => Assert.Equal("killed", JsonDocument.Parse(line).RootElement.GetProperty("pipeline_id").GetString()));
    }

    [Fact]
    public async Task An_entry_after_a_line_without_its_newline_starts_a_line_of_its_own()
    {
        var deadLetters = Path.Combine(_directory, "dlq.jsonl");
        const string torn = "{\"timestamp\":\"2026-12-03T00:00:00+00:00\",\"pipeline_id\":\"torn\",\"mess";
        await File.WriteAllTextAsync(deadLetters, torn, TestContext.Current.CancellationToken);
        var input = Path.Combine(_directory, "people.csv");
        await File.WriteAllTextAsync(input, "id,name,age,born,balance\n1,ann,not-a-number,2000-01-01,1.5\n", TestContext.Current.CancellationToken);

        var result = await EtlPipeline.Create<Person>("after-torn").From(new CsvSource<Person>(input)).To(new RecordingDestination<Person>())
            .WithOptions(new PipelineOptions { ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip, DeadLetterPath = deadLetters } })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        var lines = File.ReadAllLines(deadLetters);
        Assert.Equal(2, lines.Length);
        Assert.Equal(torn, lines[0]);
        Assert.Equal("after-torn", JsonDocument.Parse(lines[1]).RootElement.GetProperty("pipeline_id").GetString());
    }

    [Fact]
    public async Task A_rerun_that_rejects_the_same_rows_again_does_not_write_them_twice()
    {
        var deadLetters = Path.Combine(_directory, "dlq.jsonl");
        var input = Path.Combine(_directory, "people.csv");
        await File.WriteAllTextAsync(input, "id,name,age,born,balance\n1,ann,x,2000-01-01,1.5\n2,bob,30,2000-01-01,1\n3,cy,y,2000-01-01,1\n", TestContext.Current.CancellationToken);

        async Task<PipelineResult> RunAsync() => await EtlPipeline.Create<Person>("rerun").From(new CsvSource<Person>(input)).To(new RecordingDestination<Person>())
            .WithOptions(new PipelineOptions { ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip, DeadLetterPath = deadLetters } })
            .RunAsync(TestContext.Current.CancellationToken);

        await RunAsync();
        var again = await RunAsync();
        await File.AppendAllTextAsync(input, "4,dee,z,2000-01-01,1\n", TestContext.Current.CancellationToken);
        await RunAsync();

        Assert.Equal(2, again.RecordsFailed);
        Assert.Equal(deadLetters, again.DeadLetterPath);
        var entries = File.ReadAllLines(deadLetters).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal([2L, 4L, 5L], entries.Select(e => e.GetProperty("location").GetProperty("line").GetInt64()));
        Assert.Equal(3, entries.Select(e => e.GetProperty("entry_id").GetString()).Distinct().Count());
    }
}
