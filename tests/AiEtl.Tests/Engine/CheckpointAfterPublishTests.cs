using AiEtl.Csv;

namespace AiEtl.Tests.Engine;

/// <summary>
/// A destination that publishes only when the run completes (a file written through a temp file)
/// must not let the checkpoint run ahead of what was published: a failed run is read again in full.
/// </summary>
public sealed class CheckpointAfterPublishTests : IDisposable
{
    private const string Header = "id,name,age,born,balance\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-publish-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_failed_run_into_a_file_saves_no_checkpoint_and_the_rerun_writes_every_row()
    {
        var input = Path.Combine(_directory, "in.csv");
        var output = Path.Combine(_directory, "out.csv");
        var state = new StateManager(Path.Combine(_directory, ".state"));
        File.WriteAllText(input, Header + Rows(1, 7) + "8,h,not-a-number,2000-01-01,8\n" + Rows(9, 10));

        var failed = await RunAsync(input, output, state);

        Assert.False(failed.Success);
        Assert.False(File.Exists(output));
        Assert.Null(state.GetState("publish", Path.GetFullPath(input), Path.GetFullPath(output)));

        File.WriteAllText(input, Header + Rows(1, 10));
        var rerun = await RunAsync(input, output, state);

        Assert.True(rerun.Success, rerun.Describe());
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), File.ReadAllLines(output).Skip(1).Select(line => line.Split(',')[0]));
        Assert.Equal(10, state.GetState("publish", Path.GetFullPath(input), Path.GetFullPath(output))!.Checkpoint.Offset);
    }

    private static Task<PipelineResult> RunAsync(string input, string output, StateManager state) =>
        EtlPipeline.Create<Person>("publish")
            .From(new CsvSource<Person>(input))
            .To(new CsvDestination<Person>(output))
            .WithOptions(new PipelineOptions { BatchSize = 3, State = state, RetryPolicy = RetryPolicy.None })
            .RunAsync(TestContext.Current.CancellationToken);

    private static string Rows(int from, int to) =>
        string.Concat(Enumerable.Range(from, to - from + 1).Select(i => $"{i},n{i},{i},2000-01-01,{i}\n"));
}
