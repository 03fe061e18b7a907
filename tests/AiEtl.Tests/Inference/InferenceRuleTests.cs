using AiEtl.Csv;

namespace AiEtl.Tests.Inference;

/// <summary>The rules of docs/inference.md one at a time, each on a small file written for it, with the evidence each reports.</summary>
public sealed class InferenceRuleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-rules-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Zero_and_one_alone_are_a_flag_with_lower_confidence_unless_the_name_says_flag_and_mixed_with_yes_they_are_booleans()
    {
        var result = Analyze("flags.csv", "opted,is_active,mixed,count\n0,1,yes,0\n1,0,0,1\n1,1,N,2\n0,0,1,0\n");

        Assert.Equal([FieldType.Boolean, FieldType.Boolean, FieldType.Boolean, FieldType.Integer], result.Columns.Select(c => c.Type));
        Assert.Equal(0.9, result.Columns[0].Confidence);
        Assert.True(result.Columns[0].IsUnsure);
        Assert.Equal(new ValueExample("0", 1), result.Columns[0].Counterexamples[0]);
        Assert.False(result.Columns[1].IsUnsure);
        Assert.Equal(1.0, result.Columns[2].Confidence);
    }

    [Fact]
    public async Task Y_N_and_T_F_columns_load_as_booleans()
    {
        var path = Write("yn.csv", "id,ok,done\n1,Y,T\n2,n,f\n3,N,F\n");
        var rows = new RecordingDestination<Record>();

        var run = await EtlPipeline.Create<Record>("yn").From(CsvSchemaInference.CreateSource(new CsvSourceOptions(path))).To(rows).RunAsync(TestContext.Current.CancellationToken);

        Assert.True(run.Success, run.Describe());
        Assert.Equal([true, false, false], rows.Committed.Select(r => r.Data["ok"]));
        Assert.Equal([true, false, false], rows.Committed.Select(r => r.Data["done"]));
    }

    [Fact]
    public async Task Sentinels_are_null_tokens_of_typed_columns_that_the_inferred_source_reads_as_null_and_text_keeps_them()
    {
        var path = Write("sentinels.csv", "score,label\n1,NA\n-,x\nN/A,None\n4,y\n#N/A,z\n6,w\n");
        var rows = new RecordingDestination<Record>();

        var result = CsvSchemaInference.Analyze(new CsvSourceOptions(path));
        var run = await EtlPipeline.Create<Record>("na").From(CsvSchemaInference.CreateSource(new CsvSourceOptions(path))).To(rows).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(FieldType.Integer, result.Columns[0].Type);
        Assert.Equal(new Dictionary<string, int> { ["-"] = 1, ["N/A"] = 1, ["#N/A"] = 1 }, result.Columns[0].NullTokens);
        Assert.Equal(3, result.Columns[0].Nulls);
        Assert.Equal(["#N/A", "-", "N/A"], result.NullTokens);
        Assert.Equal(FieldType.String, result.Columns[1].Type);
        Assert.Empty(result.Columns[1].NullTokens);
        Assert.Contains(result.Columns[1].Classes, c => c.Class == "null token (kept as text)" && c.Count == 2);
        Assert.True(run.Success, run.Describe());
        Assert.Equal([1L, null, null, 4L, null, 6L], rows.Committed.Select(r => r.Data["score"]));
    }

    [Fact]
    public void A_nines_code_outside_the_range_of_the_other_numbers_is_suggested_as_a_null_token_not_applied()
    {
        var result = Analyze("temps.csv", "temp,count\n12.5,120\n-9999,3\n14.0,99\n-9999,4\n9.5,99\n");

        Assert.Equal(["-9999"], result.Columns[0].SuggestedNullTokens);
        Assert.Equal(FieldType.Float, result.Columns[0].Type);
        Assert.Empty(result.Columns[1].SuggestedNullTokens); // 99 twice, but inside the range of the other counts
        Assert.Equal(0, result.Columns[0].Nulls);
    }

    [Fact]
    public async Task Numbers_that_only_read_with_a_decimal_comma_load_so_with_a_warning()
    {
        var path = Write("comma.csv", "weight;price\n3,5;1.234,50\n12,25;7,00\n100,125;12,99\n");
        var rows = new RecordingDestination<Record>();

        var result = CsvSchemaInference.Analyze(new CsvSourceOptions(path) { Delimiter = ';' });
        var run = await EtlPipeline.Create<Record>("comma").From(CsvSchemaInference.CreateSource(new CsvSourceOptions(path) { Delimiter = ';' })).To(rows).RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.DecimalComma);
        Assert.Equal([FieldType.Float, FieldType.Decimal], result.Columns.Select(c => c.Type));
        Assert.All(result.Columns, c => Assert.Contains(c.Warnings, w => w.Contains("decimal comma", StringComparison.Ordinal)));
        Assert.True(run.Success, run.Describe());
        Assert.Equal([3.5, 12.25, 100.125], rows.Committed.Select(r => r.Data["weight"]));
        Assert.Equal([1234.50m, 7.00m, 12.99m], rows.Committed.Select(r => r.Data["price"]));
    }

    [Fact]
    public void A_single_comma_before_three_digits_is_a_group_of_thousands_not_a_decimal_comma()
    {
        var result = Analyze("groups.csv", "population\n\"1,234\"\n\"12,500\"\n\"3,000,000\"\n");

        Assert.False(result.DecimalComma);
        Assert.Equal(FieldType.Decimal, result.Columns[0].Type);
        Assert.Equal("grouped integer", result.Columns[0].Classes[0].Class);
    }

    [Fact]
    public void Money_with_the_same_decimals_everywhere_is_decimal_and_varying_decimals_float()
    {
        var result = Analyze("money.csv", "price,ratio,mixed\n1234.50,0.5,12.50\n3.00,0.25,13\n19.99,0.125,14.25\n");

        Assert.Equal([FieldType.Decimal, FieldType.Float, FieldType.Float], result.Columns.Select(c => c.Type));
        Assert.Contains("2 decimals", result.Columns[0].Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Identifiers_stay_text_by_leading_zeros_by_name_and_by_fixed_width_and_a_surrogate_id_stays_an_integer()
    {
        var result = Analyze("ids.csv", "account,zip_code,county_fips,order_no,id,amount\n12,10001,6037,10293847,1,5\n0034,94105,36061,10293848,2,7\n56,60601,48201,10293911,10,9\n");

        Assert.Equal([FieldType.String, FieldType.String, FieldType.String, FieldType.String, FieldType.Integer, FieldType.Integer], result.Columns.Select(c => c.Type));
        Assert.Contains("leading zeros", result.Columns[0].Rule, StringComparison.Ordinal);
        Assert.Contains("'zip_code'", result.Columns[1].Rule, StringComparison.Ordinal);
        Assert.Contains("fixed-width", result.Columns[3].Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Years_are_integers_said_so_and_year_months_are_text_with_a_warning_and_times_are_times()
    {
        var result = Analyze("calendar.csv", "year,period,opens\n1999,1999-04,08:30\n2024,2024-12,17:45:10\n2001,2001-01,23:59\n");

        Assert.Equal([FieldType.Integer, FieldType.String, FieldType.Time], result.Columns.Select(c => c.Type));
        Assert.StartsWith("year:", result.Columns[0].Rule, StringComparison.Ordinal);
        Assert.StartsWith("year-month", result.Columns[1].Rule, StringComparison.Ordinal);
        Assert.NotEmpty(result.Columns[1].Warnings);
    }

    [Fact]
    public void An_unsure_column_lists_its_first_counterexamples_with_their_rows_and_its_classes_with_examples()
    {
        var rows = string.Concat(Enumerable.Range(1, 20).Select(i => i is 4 or 9 or 15 ? $"n{i}\n" : $"{i}\n"));
        var result = Analyze("mixed.csv", "value\n" + rows);

        var value = result.Columns[0];
        Assert.Equal(FieldType.String, value.Type);
        Assert.True(value.IsUnsure);
        Assert.Equal(0.15, value.Confidence, 6);
        Assert.Equal([new ValueExample("n4", 4), new ValueExample("n9", 9), new ValueExample("n15", 15)], value.Counterexamples);
        Assert.Equal([("integer", 17), ("text", 3)], value.Classes.Select(c => (c.Class, c.Count)));
        Assert.Equal(["1", "2", "3"], value.Classes[0].Examples.Select(e => e.Value));
        Assert.Equal("'n4' (row 4)", value.Counterexamples[0].ToString());
        Assert.Single(result.Unsure);
    }

    private SchemaInferenceResult Analyze(string name, string content) => CsvSchemaInference.Analyze(new CsvSourceOptions(Write(name, content)));

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
