using System.Globalization;
using System.Text;
using AiEtl.Csv;

namespace AiEtl.Tests.Engine;

[EtlRecord("people")]
public partial record struct PersonWithGaps([property: PrimaryKey] int Id, string? Name, int? Age, DateOnly Born, decimal? Balance);

/// <summary>
/// The null_remover's impute strategy: each method's fill value, computed over a first pass of the source, against
/// an exact computation of the same statistic from the input; typed and dynamic rows; the configuration errors.
/// </summary>
public sealed class NullImputerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-impute-").FullName;
    private readonly List<(int Id, string? Name, int? Age, decimal? Balance)> _rows = [];

    public NullImputerTests()
    {
        // Several batches of rows, a fifth of each column null, skewed values so that mean and median differ.
        var random = new Random(7);
        var text = new StringBuilder("id,name,age,born,balance\n");
        for (var id = 1; id <= 2503; id++)
        {
            string? name = random.Next(5) == 0 ? null : $"n{random.Next(40) * random.Next(3)}";
            int? age = random.Next(5) == 0 ? null : (int)Math.Pow(random.Next(1, 90), 1.3) % 120;
            decimal? balance = random.Next(5) == 0 ? null : Math.Round((decimal)(random.NextDouble() * random.Next(1, 1000)), 2);
            _rows.Add((id, name, age, balance));
            text.Append(CultureInfo.InvariantCulture, $"{id},{name},{age},2000-01-01,{balance?.ToString(CultureInfo.InvariantCulture)}\n");
        }

        File.WriteAllText(Input, text.ToString());
    }

    private string Input => Path.Combine(_directory, "people.csv");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Dynamic_rows_are_filled_with_the_exact_mean_median_and_mode_of_the_source()
    {
        var imputer = new RecordNullImputer(
            [
                new ImputeRule("age", ImputeMethod.Median),
                new ImputeRule("balance", ImputeMethod.Mean),
                new ImputeRule("name", ImputeMethod.Mode),
            ]);
        var destination = new RecordingDestination<Record>();
        var source = new CsvSource<Record, RecordCodec>(new CsvSourceOptions(Input), new RecordCodec(PersonWithGaps.Schema, new RecordMetadata("csv", Input)));

        var result = await EtlPipeline.Create<Record>("impute").From(source).Transform(imputer).To(destination)
            .WithOptions(new PipelineOptions { BatchSize = 500 })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        var ages = _rows.Where(r => r.Age is not null).Select(r => (decimal)r.Age!.Value).Order().ToList();
        var median = ages.Count % 2 == 1 ? ages[ages.Count / 2] : (ages[(ages.Count / 2) - 1] + ages[ages.Count / 2]) / 2;
        var mean = _rows.Where(r => r.Balance is not null).Average(r => r.Balance!.Value);
        var mode = _rows.Where(r => r.Name is not null).GroupBy(r => r.Name).MaxBy(g => g.Count())!.Key;
        Assert.Equal((long)Math.Round(median, MidpointRounding.ToEven), imputer.FillValues["age"]);
        Assert.Equal(mean, imputer.FillValues["balance"]);
        Assert.Equal(mode, imputer.FillValues["name"]);

        var loaded = destination.Committed;
        Assert.Equal(_rows.Count, loaded.Count);
        Assert.All(loaded, row => Assert.NotNull(row["age"]));
        Assert.Equal(_rows.Count(r => r.Age is null || r.Balance is null || r.Name is null), imputer.Stats.RecordsModified);
        var firstWithoutAge = _rows.First(r => r.Age is null).Id;
        Assert.Equal(imputer.FillValues["age"], loaded.Single(r => (long)r["id"]! == firstWithoutAge)["age"]);
        var firstWithAge = _rows.First(r => r.Age is not null);
        Assert.Equal((long)firstWithAge.Age!.Value, loaded.Single(r => (long)r["id"]! == firstWithAge.Id)["age"]);
    }

    [Fact]
    public async Task Typed_rows_are_filled_through_their_dynamic_form_and_the_others_pass_untouched()
    {
        var imputer = new NullImputer<PersonWithGaps>([new ImputeRule("age", ImputeMethod.Mean), new ImputeRule("balance", ImputeMethod.Constant) { Constant = "0.50" }]);
        var destination = new RecordingDestination<PersonWithGaps>();

        var result = await EtlPipeline.Create<PersonWithGaps>("impute-typed").From(new CsvSource<PersonWithGaps>(Input)).Transform(imputer).To(destination).RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        var mean = (long)Math.Round(_rows.Where(r => r.Age is not null).Average(r => (decimal)r.Age!.Value), MidpointRounding.ToEven);
        Assert.Equal(mean, imputer.FillValues["age"]);
        Assert.Equal(0.50m, imputer.FillValues["balance"]);
        var byId = destination.Committed.ToDictionary(p => p.Id);
        Assert.All(_rows, row =>
        {
            Assert.Equal(row.Age ?? (int)mean, byId[row.Id].Age);
            Assert.Equal(row.Balance ?? 0.50m, byId[row.Id].Balance);
        });
    }

    [Fact]
    public async Task A_field_without_any_value_stays_null_with_a_warning()
    {
        await File.WriteAllTextAsync(Input, "id,name,age,born,balance\n1,a,,2000-01-01,1\n2,b,,2000-01-01,2\n", TestContext.Current.CancellationToken);
        var destination = new RecordingDestination<PersonWithGaps>();

        var result = await EtlPipeline.Create<PersonWithGaps>("impute-empty").From(new CsvSource<PersonWithGaps>(Input)).Transform(new NullImputer<PersonWithGaps>([new ImputeRule("age", ImputeMethod.Median)])).To(destination).RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.All(destination.Committed, p => Assert.Null(p.Age));
        Assert.Contains(result.Warnings, w => w.Contains("impute found no value of 'age'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("name", ImputeMethod.Mean, null, "impute mean needs a number, and field 'name' is string; use mode or constant")]
    [InlineData("born", ImputeMethod.Median, null, "impute median needs a number, and field 'born' is date")]
    [InlineData("agee", ImputeMethod.Mode, null, "people has no field 'agee' to impute; its fields are id, name, age, born, balance")]
    [InlineData("age", ImputeMethod.Constant, "old", "impute constant 'old' is not an integer for field 'age'")]
    [InlineData("age", ImputeMethod.Constant, null, "impute constant has no value for field 'age'")]
    public void A_rule_that_cannot_work_is_a_configuration_error(string field, ImputeMethod method, string? constant, string expected)
    {
        var error = Assert.Throws<PipelineConfigurationException>(() => new NullImputer<PersonWithGaps>([new ImputeRule(field, method) { Constant = constant }]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_rules_or_a_first_pass_it_says_what_is_missing()
    {
        Assert.Throws<PipelineConfigurationException>(() => new RecordNullImputer([]));
        var error = Assert.Throws<InvalidOperationException>(() => new RecordNullImputer([new ImputeRule("age", ImputeMethod.Mean)]).FillValues);
        Assert.Contains("they come from the first pass a pipeline run makes over its source", error.Message, StringComparison.Ordinal);
    }
}
