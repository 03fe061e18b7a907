using System.Text;
using System.Text.Json;
using AiEtl.Csv;

namespace AiEtl.Tests.Csv;

/// <summary>
/// Rows built from tokenized batches on the thread pool (<see cref="CsvSourceOptions.MaxDegreeOfParallelism"/>) come
/// out exactly as when they are built on the reading thread: same rows, same errors in file order, same checkpoints.
/// </summary>
public sealed class CsvParallelBuildTests : IDisposable
{
    private const int Rows = 2_000;
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-csvpar-").FullName;

    public CsvParallelBuildTests() => File.WriteAllBytes(Input, MixedFile());

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Input => Path.Combine(_directory, "mixed.csv");

    [Fact]
    public async Task Skipped_rows_rows_and_checkpoints_match_the_single_threaded_build()
    {
        var sequential = await RunAsync(parallelism: 1, ErrorAction.Skip);
        var parallel = await RunAsync(parallelism: 4, ErrorAction.Skip);

        Assert.True(sequential.Result.Success, string.Join("; ", sequential.Result.Errors.Select(e => e.Message)));
        Assert.True(parallel.Result.Success);

        // Every planted bad row is in the dead-letter file, in file order, and every other row arrived in order.
        var planted = Enumerable.Range(1, Rows).Where(i => Kind(i) is not null).ToList();
        Assert.Equal(planted.Count, sequential.DeadLetters.Count);
        Assert.Equal(Rows - planted.Count, sequential.Rows.Count);
        Assert.Equal(Enumerable.Range(1, Rows).Where(i => Kind(i) is null), sequential.Rows.Select(r => r.Id));
        Assert.Contains("is not a decimal number", sequential.DeadLetters[0], StringComparison.Ordinal);

        Assert.Equal(sequential.Rows, parallel.Rows);
        Assert.Equal(sequential.DeadLetters, parallel.DeadLetters);
        Assert.Equal(sequential.Result.RecordsExtracted, parallel.Result.RecordsExtracted);
        Assert.Equal(Offset(sequential.Result.FinalState!), Offset(parallel.Result.FinalState!));
        Assert.Equal(new FileInfo(Input).Length, Offset(parallel.Result.FinalState!));
        Assert.Equal(sequential.Result.FinalState!.FileHash, parallel.Result.FinalState!.FileHash);
    }

    [Fact]
    public async Task Under_the_fail_policy_the_first_bad_row_stops_the_run_with_the_rows_before_its_batch_loaded()
    {
        var sequential = await RunAsync(parallelism: 1, ErrorAction.Fail);
        var parallel = await RunAsync(parallelism: 4, ErrorAction.Fail);

        Assert.False(parallel.Result.Success);
        var error = Assert.Single(parallel.Result.Errors);
        Assert.Contains("mixed.csv(11,5) row 10 column 'balance': 'x10' is not a decimal number", error.Message, StringComparison.Ordinal);
        Assert.Equal(sequential.Result.Errors.Single().Message, error.Message);
        Assert.Equal(sequential.Rows, parallel.Rows);
        Assert.Equal(Enumerable.Range(1, 7), parallel.Rows.Select(r => r.Id));
    }

    // One bad row of some kind every few rows; the kinds rotate through what CSV input gets wrong.
    private static string? Kind(int id) => id % 10 != 0 ? null : (id / 10 % 4) switch
    {
        0 => "count",
        1 => "number",
        2 => "date",
        _ => "utf8",
    };

    private static byte[] MixedFile()
    {
        var output = new MemoryStream();
        output.Write("id,name,age,born,balance\n"u8);
        for (var id = 1; id <= Rows; id++)
        {
            var line = Kind(id) switch
            {
                "count" => $"{id},n{id},1\n",
                "number" => $"{id},n{id},,2000-01-01,x{id}\n",
                "date" => $"{id},\"n, {id}\",2,2000-02-30,1.5\n",
                "utf8" => null,
                _ => $"{id},\"n \"\"{id}\"\"\",{(id % 3 == 0 ? "" : id % 90)},2000-01-{1 + (id % 28):00},{id}.25\n",
            };
            if (line is null)
            {
                output.Write(Encoding.UTF8.GetBytes($"{id},n"));
                output.Write([0xC3, 0x28]);
                output.Write(Encoding.UTF8.GetBytes($"{id},3,2000-01-01,1\n"));
            }
            else
            {
                output.Write(Encoding.UTF8.GetBytes(line));
            }
        }

        return output.ToArray();
    }

    private async Task<(PipelineResult Result, List<Person> Rows, List<string> DeadLetters)> RunAsync(int parallelism, ErrorAction onError)
    {
        var deadLetters = Path.Combine(_directory, $"dlq-{parallelism}-{onError}.jsonl");
        var destination = new RecordingDestination<Person>();
        var result = await EtlPipeline.Create<Person>($"parallel-{parallelism}-{onError}")
            .From(new CsvSource<Person>(new CsvSourceOptions(Input) { MaxDegreeOfParallelism = parallelism }))
            .To(destination)
            .WithOptions(new PipelineOptions
            {
                BatchSize = 7,
                State = new StateManager(Path.Combine(_directory, $".state-{parallelism}-{onError}")),
                ErrorHandling = new ErrorHandlingOptions { OnExtractError = onError, DeadLetterPath = deadLetters },
            })
            .RunAsync(TestContext.Current.CancellationToken);
        var dead = File.Exists(deadLetters)
            ? File.ReadAllLines(deadLetters).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("message").GetString()!).ToList()
            : [];
        return (result, destination.Committed, dead);
    }

    private static long Offset(PipelineState state) => state.Checkpoint.CustomState["byte_offset"].GetInt64();
}
