using System.Text;
using System.Text.Json;
using AiEtl.Json;

namespace AiEtl.Tests.Json;

/// <summary>
/// JSON rows built on the thread pool (<see cref="JsonSourceOptions.MaxDegreeOfParallelism"/>) come out exactly as when
/// they are built on the reading thread: same rows, same errors in file order, same checkpoints.
/// </summary>
public sealed class JsonParallelBuildTests : IDisposable
{
    private const int Rows = 1_500;
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-jsonpar-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("mixed.jsonl")]
    [InlineData("mixed.json")]
    public async Task Skipped_rows_rows_and_checkpoints_match_the_single_threaded_build(string name)
    {
        var path = Write(name, lines: name.EndsWith(".jsonl", StringComparison.Ordinal));

        var sequential = await RunAsync(path, parallelism: 1, ErrorAction.Skip);
        var parallel = await RunAsync(path, parallelism: 4, ErrorAction.Skip);

        Assert.True(sequential.Result.Success, string.Join("; ", sequential.Result.Errors.Select(e => e.Message)));
        var planted = Enumerable.Range(1, Rows).Count(i => Kind(i) is not null);
        Assert.Equal(planted, sequential.DeadLetters.Count);
        Assert.Equal(Enumerable.Range(1, Rows).Where(i => Kind(i) is null), sequential.Rows.Select(r => r.Id));
        Assert.Equal(sequential.Rows, parallel.Rows);
        Assert.Equal(sequential.DeadLetters, parallel.DeadLetters);
        Assert.Equal(sequential.Result.RecordsExtracted, parallel.Result.RecordsExtracted);
        Assert.Equal(sequential.Result.FinalState?.Checkpoint.CustomState.GetValueOrDefault("byte_offset").ToString(), parallel.Result.FinalState?.Checkpoint.CustomState.GetValueOrDefault("byte_offset").ToString());
    }

    [Fact]
    public async Task An_array_broken_half_way_fails_after_the_batches_read_before_it_were_loaded()
    {
        var path = Path.Combine(_directory, "broken.json");
        var good = Enumerable.Range(1, 20).Select(i => Element(i));
        await File.WriteAllTextAsync(path, "[\n" + string.Join(",\n", good) + ",\n{\"id\": 21, \"name\": \"n21\"\n", TestContext.Current.CancellationToken);

        var sequential = await RunAsync(path, parallelism: 1, ErrorAction.Skip);
        var parallel = await RunAsync(path, parallelism: 4, ErrorAction.Skip);

        Assert.False(parallel.Result.Success);
        Assert.Contains("broken.json", Assert.Single(parallel.Result.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 14), parallel.Rows.Select(r => r.Id));
        Assert.Equal(sequential.Rows, parallel.Rows);
    }

    // One bad value of some kind every few rows: malformed JSON (lines only), a bad date, a string for a number, invalid UTF-8.
    private static string? Kind(int id) => id % 10 != 0 ? null : (id / 10 % 4) switch
    {
        0 => "malformed",
        1 => "date",
        2 => "type",
        _ => "utf8",
    };

    private static string Element(int id, string? kind = null) => kind switch
    {
        "date" => $$"""{"id": {{id}}, "name": "n{{id}}", "age": 3, "born": "2000-02-30", "balance": 1.5}""",
        "type" => $$"""{"id": {{id}}, "name": "n{{id}}", "age": "old", "born": "2000-01-01", "balance": 1.5}""",
        "utf8" => $$"""{"id": {{id}}, "name": "n\u0000{{id}}", "age": 3, "born": "2000-01-01", "balance": 1.5}""",
        _ => $$"""{"id": {{id}}, "name": "n \"{{id}}\"", "age": {{(id % 3 == 0 ? "null" : (id % 90).ToString(System.Globalization.CultureInfo.InvariantCulture))}}, "born": "2000-01-{{1 + (id % 28):00}}", "balance": {{id}}.25}""",
    };

    private string Write(string name, bool lines)
    {
        var output = new MemoryStream();
        for (var id = 1; id <= Rows; id++)
        {
            var kind = Kind(id);
            var text = kind == "malformed" && !lines ? Element(id, "type") : kind == "malformed" ? $$"""{"id": {{id}}, "name": """ : Element(id, kind);
            var bytes = Encoding.UTF8.GetBytes(text);
            if (kind == "utf8")
            {
                // A byte that is not UTF-8, where the escaped NUL stood.
                var at = text.IndexOf("\\u0000", StringComparison.Ordinal);
                bytes = [.. bytes[..at], 0xC3, 0x28, .. bytes[(at + 6)..]];
            }

            output.Write(id == 1 ? (lines ? ""u8 : "[\n"u8) : (lines ? "\n"u8 : ",\n"u8));
            output.Write(bytes);
        }

        output.Write(lines ? "\n"u8 : "\n]\n"u8);
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, output.ToArray());
        return path;
    }

    private async Task<(PipelineResult Result, List<Person> Rows, List<string> DeadLetters)> RunAsync(string path, int parallelism, ErrorAction onError)
    {
        var run = $"{Path.GetFileName(path)}-{parallelism}-{onError}";
        var deadLetters = Path.Combine(_directory, $"dlq-{run}.jsonl");
        var destination = new RecordingDestination<Person>();
        var result = await EtlPipeline.Create<Person>(run)
            .From(new JsonSource<Person>(new JsonSourceOptions(path) { MaxDegreeOfParallelism = parallelism }))
            .To(destination)
            .WithOptions(new PipelineOptions
            {
                BatchSize = 7,
                State = new StateManager(Path.Combine(_directory, $".state-{run}")),
                ErrorHandling = new ErrorHandlingOptions { OnExtractError = onError, DeadLetterPath = deadLetters },
            })
            .RunAsync(TestContext.Current.CancellationToken);
        var dead = File.Exists(deadLetters)
            ? File.ReadAllLines(deadLetters).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("message").GetString()!).ToList()
            : [];
        return (result, destination.Committed, dead);
    }
}
