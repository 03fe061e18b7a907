using AiEtl.Csv;

namespace AiEtl.Tests.Engine;

/// <summary>The null_remover's drop strategy, on typed rows through their generated code and on dynamic rows.</summary>
public sealed class NullRemoverTests : IDisposable
{
    private const string Csv = "id,name,age,born,balance\n1,ann,30,2000-01-01,1\n2,bob,,2000-01-01,1\n3,cy,40,2000-01-01,1\n4,dee,,2000-01-01,2\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-nulls-").FullName;

    public NullRemoverTests()
    {
        File.WriteAllText(Input, Csv);
    }

    private string Input => Path.Combine(_directory, "people.csv");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Typed_rows_with_a_null_in_a_listed_field_are_dropped_and_counted()
    {
        var remover = new NullRemover<Person>(["age"]);
        var destination = new RecordingDestination<Person>();

        var result = await EtlPipeline.Create<Person>("nulls").From(new CsvSource<Person>(Input)).Transform(remover).To(destination).RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.Equal([1, 3], destination.Committed.Select(p => p.Id));
        Assert.Equal(2, remover.Stats.RecordsFiltered);
        Assert.Equal(4, remover.Stats.RecordsProcessed);
    }

    [Fact]
    public void A_field_the_schema_lacks_is_a_configuration_error_that_lists_the_fields()
    {
        var error = Assert.Throws<PipelineConfigurationException>(() => new NullRemover<Person>(["agee"]));

        Assert.Contains("people has no field 'agee'; its fields are id, name, age, born, balance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dynamic_rows_of_an_inferred_schema_are_dropped_the_same_way()
    {
        var source = CsvSchemaInference.CreateSource(new CsvSourceOptions(Input));
        var destination = new RecordingDestination<Record>();

        var result = await EtlPipeline.Create<Record>("nulls-dynamic").From(source).Transform(new RecordNullRemover()).To(destination).RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(["ann", "cy"], destination.Committed.Select(r => (string?)r["name"]));
        Assert.Equal(2, result.RecordsFiltered);
    }
}
