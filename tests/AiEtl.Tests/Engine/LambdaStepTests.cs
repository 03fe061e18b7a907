using AiEtl.Csv;

namespace AiEtl.Tests.Engine;

/// <summary>Map and Filter steps written as lambdas in the builder: they change and drop rows, and are counted like any transform.</summary>
public sealed class LambdaStepTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-lambda-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_map_and_a_filter_change_and_drop_rows_and_count_what_they_did()
    {
        var input = Path.Combine(_directory, "people.csv");
        await File.WriteAllTextAsync(input, "id,name,age,born,balance\n1,ann,30,2000-01-01,1\n2,BOB,12,2000-01-01,1\n3,cy,40,2000-01-01,1\n4,DEE,50,2000-01-01,1\n", TestContext.Current.CancellationToken);
        var destination = new RecordingDestination<Person>();
        var map = new MapTransform<Person>(p => p with { Name = p.Name.ToUpperInvariant() }, "upper");
        var filter = new FilterTransform<Person>(p => p.Age >= 18, "adults");

        var result = await EtlPipeline.Create<Person>("lambdas").From(new CsvSource<Person>(input)).Transform(map).Transform(filter).To(destination)
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(["ANN", "CY", "DEE"], destination.Committed.Select(p => p.Name));
        Assert.Equal(2, map.Stats.RecordsModified);
        Assert.Equal(1, filter.Stats.RecordsFiltered);
        Assert.Equal(1, result.RecordsFiltered);
    }

    [Fact]
    public async Task A_map_that_throws_rejects_its_row_into_the_dead_letter_file_and_the_rest_loads()
    {
        var input = Path.Combine(_directory, "people.csv");
        var deadLetters = Path.Combine(_directory, "dlq.jsonl");
        await File.WriteAllTextAsync(input, "id,name,age,born,balance\n1,ann,30,2000-01-01,1\n2,bob,12,2000-01-01,1\n", TestContext.Current.CancellationToken);
        var destination = new RecordingDestination<Person>();

        var result = await EtlPipeline.Create<Person>("lambdas").From(new CsvSource<Person>(input))
            .Map(p => p.Id == 2 ? throw new TransformException("no bobs") : p)
            .Filter(p => p.Id > 0)
            .To(destination)
            .WithOptions(new PipelineOptions { ErrorHandling = new ErrorHandlingOptions { OnTransformError = ErrorAction.Skip, DeadLetterPath = deadLetters } })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.Equal([1], destination.Committed.Select(p => p.Id));
        Assert.Equal(1, result.RecordsFailed);
        Assert.Contains("map: no bobs", File.ReadAllText(deadLetters), StringComparison.Ordinal);
    }
}
