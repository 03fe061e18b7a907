using System.Text.Json;
using AiEtl.Csv;

namespace AiEtl.Tests.Engine;

/// <summary>
/// The dead-letter file stays one JSON object a line: a line left without its newline (by a writer killed mid-entry,
/// as the writer before this one could be) does not swallow the next entry.
/// </summary>
public sealed class DeadLetterFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-dlq-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

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
}
