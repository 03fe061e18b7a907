using System.Text.Json;
using AiEtl.Csv;

namespace AiEtl.Tests.Engine;

[EtlRecord("scored_customers")]
public partial record struct ScoredCustomer(
    [property: PrimaryKey] int Id,
    string? Name,
    [property: ValueRange(0, 150)] int? Age,
    [property: Pattern("^[A-Z]{2}$")] string Country,
    [property: OneOf("gold", "silver")] string? Tier);

/// <summary>
/// The quality_scorer: the documented score (completeness and validity, half each by default) on typed rows
/// through their generated validator and on dynamic rows through the run-time one, the minimum, the dead-letter
/// copy of a rejected row with its score and failed checks, and the run's mean score.
/// </summary>
public sealed class QualityScorerTests : IDisposable
{
    // Five fields each. Row 1 is perfect; row 2 misses its name (nullable): completeness 4/5, validity 5/5 -> 0.9;
    // row 3 has age 200 and country "gb": completeness 1, validity 3/5 -> 0.8; row 4 has no name, no age, no tier and
    // tier... : completeness 2/5, validity 5/5 -> 0.7; row 5 has tier "bronze" and no age: 0.5*0.8 + 0.5*0.8 = 0.8.
    private const string Csv = "id,name,age,country,tier\n1,ann,30,GB,gold\n2,,40,IE,silver\n3,cy,200,gb,gold\n4,,,PT,\n5,eve,,FR,bronze\n";
    private static readonly double[] Expected = [1.0, 0.9, 0.8, 0.7, 0.8];
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-quality-").FullName;

    public QualityScorerTests()
    {
        File.WriteAllText(Input, Csv);
    }

    private string Input => Path.Combine(_directory, "customers.csv");

    private string DeadLetters => Path.Combine(_directory, "dlq.jsonl");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Typed_rows_get_the_documented_score_and_the_run_its_mean()
    {
        var scores = new List<double>();
        var scorer = new QualityScorer<ScoredCustomer>(store: (ref ScoredCustomer row, double score) => scores.Add(score));

        var result = await RunAsync(new CsvSource<ScoredCustomer>(Input), scorer, new RecordingDestination<ScoredCustomer>());

        Assert.True(result.Success, result.Describe());
        Assert.Equal(Expected, scores.Select(s => Math.Round(s, 10)));
        Assert.Equal(Expected.Average(), result.AvgQualityScore!.Value, 10);
        Assert.Equal(5, scorer.RowsScored);
        Assert.Equal(0, scorer.RowsBelowMinimum);
    }

    [Fact]
    public async Task Dynamic_rows_score_the_same_against_the_same_schema_and_keep_it_in_their_metadata()
    {
        var schema = ScoredCustomer.Schema;
        var source = new CsvSource<Record, RecordCodec>(new CsvSourceOptions(Input), new RecordCodec(schema, new RecordMetadata("csv", Input)));
        var destination = new RecordingDestination<Record>();

        var result = await RunAsync(source, new RecordQualityScorer(), destination);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(Expected, destination.Committed.Select(r => Math.Round(r.Metadata.QualityScore!.Value, 10)));
        Assert.Equal(Expected.Average(), result.AvgQualityScore!.Value, 10);
    }

    [Fact]
    public async Task Rows_under_the_minimum_go_to_the_dead_letter_file_with_their_score_and_failed_checks()
    {
        var scorer = new QualityScorer<ScoredCustomer>(new QualityScorerOptions { MinScore = 0.85 });
        var destination = new RecordingDestination<ScoredCustomer>();

        var result = await RunAsync(new CsvSource<ScoredCustomer>(Input), scorer, destination);

        Assert.True(result.Success, result.Describe());
        Assert.Equal([1, 2], destination.Committed.Select(c => c.Id));
        Assert.Equal(3, result.RecordsFailed);
        Assert.Equal(3, scorer.RowsBelowMinimum);
        Assert.Equal(3, scorer.Stats.Errors);
        var entries = File.ReadAllLines(DeadLetters).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(3, entries.Count);
        var third = entries[0].GetProperty("message").GetString();
        Assert.Contains("quality_scorer: score 0.8 is under min_score 0.85", third, StringComparison.Ordinal);
        Assert.Contains("age: '200' is not between 0 and 150", third, StringComparison.Ordinal);
        Assert.Contains("country: 'gb' is not a match for ^[A-Z]{2}$", third, StringComparison.Ordinal);
        Assert.Contains("name: no value", entries[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("tier: 'bronze' is not one of gold, silver", entries[2].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("3", entries[0].GetProperty("record_id").GetString());
        Assert.Contains("\"age\":200", entries[0].GetProperty("raw").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_drop_rows_under_the_minimum_are_filtered_and_counted()
    {
        var scorer = new RecordQualityScorer(new QualityScorerOptions { MinScore = 0.85, BelowMinimum = LowQualityAction.Drop }, ScoredCustomer.Schema);
        var source = new CsvSource<Record, RecordCodec>(new CsvSourceOptions(Input), new RecordCodec(ScoredCustomer.Schema, new RecordMetadata("csv", Input)));
        var destination = new RecordingDestination<Record>();

        var result = await RunAsync(source, scorer, destination);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(2, destination.Committed.Count);
        Assert.Equal(3, result.RecordsFiltered);
        Assert.Equal(0, result.RecordsFailed);
        Assert.False(File.Exists(DeadLetters));
    }

    [Fact]
    public async Task With_the_fail_policy_a_row_under_the_minimum_stops_the_run_naming_it()
    {
        var result = await EtlPipeline.Create<ScoredCustomer>("quality")
            .From(new CsvSource<ScoredCustomer>(Input))
            .Transform(new QualityScorer<ScoredCustomer>(new QualityScorerOptions { MinScore = 0.95 }))
            .To(new RecordingDestination<ScoredCustomer>())
            .WithOptions(new PipelineOptions { ErrorHandling = new ErrorHandlingOptions { OnTransformError = ErrorAction.Fail, DeadLetterPath = DeadLetters } })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.False(result.Success);
        Assert.Contains("score 0.9 is under min_score 0.95; failed checks: name: no value", result.Errors.Last().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void A_minimum_outside_zero_to_one_is_a_configuration_error(double minScore)
    {
        var error = Assert.Throws<PipelineConfigurationException>(() => new RecordQualityScorer(new QualityScorerOptions { MinScore = minScore }));

        Assert.Contains("min_score must be between 0 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_weights_shift_the_score_between_completeness_and_validity()
    {
        Assert.Equal(0.8, QualityScore.Of(5, empty: 1, invalid: 0, completenessWeight: 1), 10);
        Assert.Equal(1.0, QualityScore.Of(5, empty: 1, invalid: 0, completenessWeight: 0), 10);
        Assert.Equal(1.0, QualityScore.Of(0, 0, 0));
        Assert.Equal(1.0, QualityScorer<ScoredCustomer>.ScoreOf(new ScoredCustomer(1, "a", 3, "GB", "gold")), 10);
    }

    private Task<PipelineResult> RunAsync<T>(ISource<T> source, Transform<T> scorer, IDestination<T> destination) =>
        EtlPipeline.Create<T>("quality").From(source).Transform(scorer).To(destination)
            .WithOptions(new PipelineOptions { ErrorHandling = new ErrorHandlingOptions { DeadLetterPath = DeadLetters } })
            .RunAsync(TestContext.Current.CancellationToken);
}
