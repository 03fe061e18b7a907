using System.Text.Json.Nodes;
using AiEtl.Csv;
using AiEtl.Json;

namespace AiEtl.Tests.Files;

/// <summary>
/// A file destination with a state records its checkpoint with each publication, in a manifest beside the target:
/// an incremental append adds only the new rows, a rerun with nothing new changes nothing, a replace republishes
/// the whole input (never an empty file over good output), and a deduplicator's memory resumes with the file.
/// </summary>
public sealed class FileCheckpointTests : IDisposable
{
    private const string Header = "id,name,age,born,balance\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-file-checkpoints-").FullName;

    public FileCheckpointTests()
    {
        Input = Path.Combine(_directory, "in.csv");
        Output = Path.Combine(_directory, "out.jsonl");
        States = new StateManager(Path.Combine(_directory, ".state"));
    }

    private string Input { get; }

    private string Output { get; }

    private StateManager States { get; }

    private string Manifest => Path.Combine(_directory, ".out.jsonl.aietl-state.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task An_incremental_append_adds_the_new_rows_and_a_rerun_with_nothing_new_changes_nothing()
    {
        File.WriteAllText(Input, Header + Rows(1, 30));
        await RunAsync(WriteMode.Append);
        File.AppendAllText(Input, Rows(31, 45));

        var second = await RunAsync(WriteMode.Append);
        var bytes = File.ReadAllBytes(Output);
        var third = await RunAsync(WriteMode.Append);

        Assert.True(third.Success, third.Describe());
        Assert.Equal(15, second.RecordsLoaded);
        Assert.Equal(0, third.RecordsLoaded);
        Assert.Equal(bytes, File.ReadAllBytes(Output));
        Assert.Equal(Enumerable.Range(1, 45), Ids());
        var committed = JsonNode.Parse(File.ReadAllText(Manifest))!;
        Assert.Null(committed["pending"]);
        Assert.Equal(45, committed["streams"]![0]!["state"]!["records_processed"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_replace_with_state_republishes_the_whole_input_and_never_an_empty_file()
    {
        File.WriteAllText(Input, Header + Rows(1, 20));
        await RunAsync(WriteMode.Replace);

        var rerun = await RunAsync(WriteMode.Replace);

        Assert.True(rerun.Success, rerun.Describe());
        Assert.Equal(20, rerun.RecordsLoaded);
        Assert.Equal(Enumerable.Range(1, 20), Ids());
    }

    [Fact]
    public async Task A_deduplicated_append_remembers_the_keys_of_earlier_runs()
    {
        File.WriteAllText(Input, Header + Rows(1, 10));
        await RunAsync(WriteMode.Append, deduplicate: true);
        File.AppendAllText(Input, Rows(3, 3) + Rows(11, 12) + Rows(7, 7));

        var second = await RunAsync(WriteMode.Append, deduplicate: true);

        Assert.True(second.Success, second.Describe());
        Assert.Equal(2, second.RecordsFiltered);
        Assert.Equal(Enumerable.Range(1, 12), Ids());
    }

    [Fact]
    public async Task A_state_file_behind_the_manifest_resumes_from_the_manifest_and_says_so()
    {
        File.WriteAllText(Input, Header + Rows(1, 10));
        var first = await RunAsync(WriteMode.Append);
        var behind = File.ReadAllText(first.StatePath!);
        File.AppendAllText(Input, Rows(11, 14));
        await RunAsync(WriteMode.Append);

        File.WriteAllText(first.StatePath!, behind);
        var third = await RunAsync(WriteMode.Append);

        Assert.Equal(0, third.RecordsExtracted);
        Assert.Equal(0, third.RecordsLoaded);
        Assert.Contains(third.Warnings, w => w.Contains("resuming from the destination's", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, 14), Ids());
    }

    [Fact]
    public async Task Forgetting_the_checkpoint_drops_its_stream_from_the_manifest_and_the_next_append_reads_from_the_start()
    {
        File.WriteAllText(Input, Header + Rows(1, 10));
        await RunAsync(WriteMode.Append);
        var destination = new JsonDestination<Person>(new JsonDestinationOptions(Output) { WriteMode = WriteMode.Append });

        await destination.ForgetCheckpointAsync(new CheckpointKey("file-checkpoints", Path.GetFullPath(Input)), TestContext.Current.CancellationToken);
        var streams = JsonNode.Parse(File.ReadAllText(Manifest))!["streams"]!.AsArray().Count;
        var again = await RunAsync(WriteMode.Append);

        Assert.Equal(0, streams);
        Assert.True(again.Success, again.Describe());
        Assert.Equal(10, again.RecordsExtracted);
        Assert.Equal([.. Enumerable.Range(1, 10), .. Enumerable.Range(1, 10)], Ids());
    }

    private Task<PipelineResult> RunAsync(WriteMode mode, bool deduplicate = false)
    {
        var builder = EtlPipeline.Create<Person>("file-checkpoints").From(new CsvSource<Person>(Input));
        if (deduplicate)
        {
            builder.Transform(new Deduplicator<Person, int>(person => person.Id));
        }

        return builder
            .To(new JsonDestination<Person>(new JsonDestinationOptions(Output) { WriteMode = mode }))
            .WithOptions(new PipelineOptions { BatchSize = 4, State = States })
            .RunAsync(TestContext.Current.CancellationToken);
    }

    private IEnumerable<int> Ids() => File.ReadAllLines(Output).Select(line => JsonNode.Parse(line)!["id"]!.GetValue<int>());

    private static string Rows(int from, int to) =>
        string.Concat(Enumerable.Range(from, to - from + 1).Select(i => $"{i},n{i},{i},2000-01-01,{i}\n"));
}
