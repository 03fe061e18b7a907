using System.Globalization;
using System.Text.Json.Nodes;
using AiEtl.Csv;

namespace AiEtl.IntegrationTests.Checkpoints;

/// <summary>
/// What a database destination that keeps its own checkpoint must do, run against SQLite and PostgreSQL: the
/// checkpoint commits with the rows, a state file behind the destination loses to it, the deduplicator's memory
/// resumes with it, another table starts from nothing and a replace reloads everything. (The kill harness in
/// Crash/ proves the same with real processes killed at every instant.)
/// </summary>
public abstract class DatabaseCheckpointScenarios : IDisposable
{
    protected DatabaseCheckpointScenarios()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("aietl-checkpoints-").FullName;
        Input = Path.Combine(Directory, "members.csv");
        States = new StateManager(Path.Combine(Directory, "state"));
    }

    protected string Directory { get; }

    private string Input { get; }

    private StateManager States { get; }

    public virtual void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A destination for <paramref name="table"/> (created when missing).</summary>
    protected abstract IDestination<Member> Destination(string table, WriteMode mode, SchemaMode schemaMode = SchemaMode.CreateIfMissing);

    /// <summary>The table's rows as <c>id:name</c>, ordered by id.</summary>
    protected abstract List<string> Rows(string table);

    /// <summary>The state JSON the destination committed for <paramref name="table"/>, or null.</summary>
    protected abstract string? CommittedState(string table);

    [Fact]
    public async Task The_checkpoint_commits_in_the_destination_with_the_rows_and_the_state_file_mirrors_it()
    {
        WriteInput(1, 120);

        var result = await RunAsync("members", WriteMode.Append);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(120, Rows("members").Count);
        var committed = JsonNode.Parse(CommittedState("members")!)!;
        Assert.Equal(120, committed["records_processed"]!.GetValue<long>());
        Assert.Equal(Path.GetFullPath(Input), committed["adapter_id"]!.GetValue<string>());
        var mirror = JsonNode.Parse(File.ReadAllText(result.StatePath!))!;
        Assert.Equal(committed["checkpoint"]!.ToJsonString(), mirror["checkpoint"]!.ToJsonString());
        Assert.Equal(committed["destination_id"]!.GetValue<string>(), mirror["destination_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_state_file_behind_the_destination_resumes_from_the_destination_and_says_so()
    {
        WriteInput(1, 100);
        var first = await RunAsync("members", WriteMode.Append);
        var behind = File.ReadAllText(first.StatePath!);
        AppendInput(101, 150);
        var second = await RunAsync("members", WriteMode.Append);
        Assert.True(second.Success, second.Describe());

        // As if the second run was killed after its commit and before its state file was saved.
        File.WriteAllText(second.StatePath!, behind);
        var third = await RunAsync("members", WriteMode.Append);

        Assert.True(third.Success, third.Describe());
        Assert.Equal(0, third.RecordsExtracted);
        Assert.Equal(0, third.RecordsLoaded);
        Assert.Equal(Expected(1, 150), Rows("members"));
        Assert.Contains(third.Warnings, w => w.Contains("resuming from the destination's", StringComparison.Ordinal));
        Assert.Equal(150, JsonNode.Parse(File.ReadAllText(third.StatePath!))!["records_processed"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_deduplicated_append_into_a_keyed_table_resumes_with_the_deduplicators_memory()
    {
        WriteInput(1, 100);
        var first = await RunAsync("members", WriteMode.Append, deduplicate: true);
        Assert.True(first.Success, first.Describe());

        // The next rows repeat ids loaded by the first run: a deduplicator that forgot them would reach the primary key.
        File.AppendAllText(Input, "5,again\n101,m101\n50,again\n102,m102\n");
        var second = await RunAsync("members", WriteMode.Append, deduplicate: true);

        Assert.True(second.Success, second.Describe());
        Assert.Equal(2, second.RecordsLoaded);
        Assert.Equal(2, second.RecordsFiltered);
        Assert.Equal(Expected(1, 102), Rows("members"));
    }

    [Fact]
    public async Task Another_table_under_the_same_pipeline_name_starts_from_nothing()
    {
        WriteInput(1, 80);
        var first = await RunAsync("members", WriteMode.Append);

        var other = await RunAsync("members_copy", WriteMode.Append);

        Assert.True(other.Success, other.Describe());
        Assert.Equal(80, other.RecordsLoaded);
        Assert.Equal(Expected(1, 80), Rows("members_copy"));
        Assert.NotEqual(first.StatePath, other.StatePath);
    }

    [Fact]
    public async Task A_replace_with_state_reloads_the_whole_source_and_never_publishes_only_the_new_rows()
    {
        WriteInput(1, 60);
        await RunAsync("members", WriteMode.Replace);

        var rerun = await RunAsync("members", WriteMode.Replace);
        AppendInput(61, 70);
        var grown = await RunAsync("members", WriteMode.Replace);

        Assert.True(rerun.Success, rerun.Describe());
        Assert.Equal(60, rerun.RecordsLoaded);
        Assert.Equal(70, grown.RecordsLoaded);
        Assert.Equal(Expected(1, 70), Rows("members"));
        Assert.Equal(70, JsonNode.Parse(CommittedState("members")!)!["records_processed"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_table_dropped_and_created_forgets_its_checkpoint_and_reloads_everything()
    {
        WriteInput(1, 40);
        await RunAsync("members", WriteMode.Append);

        var rerun = await RunAsync("members", WriteMode.Append, schemaMode: SchemaMode.DropAndCreate, deduplicate: true);
        var resumed = await RunAsync("members", WriteMode.Append, deduplicate: true);

        Assert.Equal(40, rerun.RecordsLoaded);
        Assert.True(resumed.Success, resumed.Describe());
        Assert.Equal(0, resumed.RecordsLoaded);
        Assert.Equal(Expected(1, 40), Rows("members"));
    }

    [Fact]
    public async Task An_old_state_file_that_names_no_destination_is_refused_with_what_to_do()
    {
        WriteInput(1, 10);
        States.SaveState("members", Path.GetFullPath(Input), new PipelineState { PipelineId = "members", AdapterType = "csv", AdapterId = Path.GetFullPath(Input), RecordsProcessed = 10 });

        var result = await RunAsync("members", WriteMode.Append);

        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Contains("does not say which destination", error.Message, StringComparison.Ordinal);
        Assert.Contains("move it to", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgetting_the_checkpoint_makes_the_next_run_read_the_source_from_its_start_and_keeps_other_tables_checkpoints()
    {
        WriteInput(1, 60);
        await RunAsync("members", WriteMode.Merge);
        await RunAsync("members_copy", WriteMode.Append);
        var copyState = CommittedState("members_copy");

        var destination = Destination("members", WriteMode.Merge);
        await destination.ConnectAsync(TestContext.Current.CancellationToken);
        await ((ICheckpointingDestination)destination).ForgetCheckpointAsync(new CheckpointKey("members", Path.GetFullPath(Input)), TestContext.Current.CancellationToken);
        await destination.DisposeAsync();
        var forgotten = CommittedState("members");
        var again = await RunAsync("members", WriteMode.Merge);

        Assert.Null(forgotten);
        Assert.True(again.Success, again.Describe());
        Assert.Equal(60, again.RecordsExtracted); // read from the start, where a resumed run reads nothing
        Assert.Equal(60, Rows("members").Count);
        Assert.Equal(copyState, CommittedState("members_copy"));
    }

    private async Task<PipelineResult> RunAsync(string table, WriteMode mode, SchemaMode schemaMode = SchemaMode.CreateIfMissing, bool deduplicate = false)
    {
        var builder = EtlPipeline.Create<Member>("members").From(new CsvSource<Member>(Input));
        if (deduplicate)
        {
            builder.Transform(new Deduplicator<Member, int>(member => member.Id));
        }

        return await builder
            .To(Destination(table, mode, schemaMode))
            .WithOptions(new PipelineOptions { BatchSize = 25, CommitEvery = 1, State = States })
            .RunAsync(TestContext.Current.CancellationToken);
    }

    private void WriteInput(int first, int last) => File.WriteAllText(Input, "id,name\n" + Lines(first, last));

    private void AppendInput(int first, int last) => File.AppendAllText(Input, Lines(first, last));

    private static string Lines(int first, int last) =>
        string.Concat(Enumerable.Range(first, last - first + 1).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},m{i}\n")));

    private static List<string> Expected(int first, int last) =>
        [.. Enumerable.Range(first, last - first + 1).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i}:m{i}"))];
}
