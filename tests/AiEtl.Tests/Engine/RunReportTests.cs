using AiEtl.Csv;

namespace AiEtl.Tests.Engine;

/// <summary>
/// What a run reports beside its row counts: where its state and dead-letter files are (one of each per pipeline
/// unless set), and how many rows each transform changed.
/// </summary>
public sealed class RunReportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Pipelines_that_set_no_dead_letter_path_each_get_their_own_file()
    {
        var input = await WriteCsvAsync("1,ann,30,2000-01-01,1.5\n2,bob,not-a-number,2000-01-02,2.5\n");
        var options = new PipelineOptions { ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip } };
        PipelineResult[] results = [];
        try
        {
            results = await Task.WhenAll(
                EtlPipeline.Create<Person>("report-first").From(new CsvSource<Person>(input)).To(new RecordingDestination<Person>()).WithOptions(options).RunAsync(TestContext.Current.CancellationToken),
                EtlPipeline.Create<Person>("report-second").From(new CsvSource<Person>(input)).To(new RecordingDestination<Person>()).WithOptions(options).RunAsync(TestContext.Current.CancellationToken));

            Assert.All(results, r => Assert.True(r.Success, r.Describe()));
            Assert.Equal(Path.GetFullPath(ErrorHandlingOptions.DefaultDeadLetterPath("report-first")), results[0].DeadLetterPath);
            Assert.Equal(Path.GetFullPath(ErrorHandlingOptions.DefaultDeadLetterPath("report-second")), results[1].DeadLetterPath);
            Assert.NotEqual(results[0].DeadLetterPath, results[1].DeadLetterPath);
            Assert.All(results, r => Assert.Contains("\"pipeline_id\"", Assert.Single(File.ReadAllLines(r.DeadLetterPath!)), StringComparison.Ordinal));
        }
        finally
        {
            foreach (var path in results.Select(r => r.DeadLetterPath).OfType<string>())
            {
                Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_run_with_state_names_its_state_file_and_one_without_names_none()
    {
        var input = await WriteCsvAsync("1,ann,30,2000-01-01,1.5\n");
        var states = new StateManager(Path.Combine(_directory, "state"));
        var source = new CsvSource<Person>(input);

        var withState = await EtlPipeline.Create<Person>("report-state").From(source).To(new RecordingDestination<Person>())
            .WithOptions(new PipelineOptions { State = states }).RunAsync(TestContext.Current.CancellationToken);
        var withoutState = await EtlPipeline.Create<Person>("report-state").From(new CsvSource<Person>(input)).To(new RecordingDestination<Person>())
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Path.GetFullPath(states.GetStatePath("report-state", source.SourceId, "list")), withState.StatePath);
        Assert.True(File.Exists(withState.StatePath));
        Assert.Null(withoutState.StatePath);
        Assert.Null(withoutState.DeadLetterPath);
    }

    [Fact]
    public async Task A_transform_counts_the_rows_it_changed()
    {
        var rows = Enumerable.Range(1, 10).Select(i => new Person(i, "p" + i, i % 2 == 0 ? null : i, new DateOnly(2000, 1, 1), i));
        var fill = new FillMissingAge();
        var destination = new RecordingDestination<Person>();

        var result = await EtlPipeline.Create<Person>("report-modified").From(new EnumerableSource<Person>(rows)).Transform(fill).To(destination)
            .WithOptions(new PipelineOptions { BatchSize = 3 }).RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success);
        Assert.Equal(10, fill.Stats.RecordsProcessed);
        Assert.Equal(5, fill.Stats.RecordsModified);
        Assert.Equal(0, fill.Stats.RecordsFiltered);
        Assert.All(destination.Committed, p => Assert.NotNull(p.Age));
    }

    private async Task<string> WriteCsvAsync(string rows)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("n") + ".csv");
        await File.WriteAllTextAsync(path, "id,name,age,born,balance\n" + rows, TestContext.Current.CancellationToken);
        return path;
    }

    private sealed class FillMissingAge : Transform<Person>
    {
        public override string Name => "fill_missing_age";

        public override bool Apply(ref Person row)
        {
            if (row.Age is null)
            {
                row = row with { Age = 0 };
                CountModified();
            }

            return true;
        }
    }
}
