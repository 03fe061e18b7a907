using System.Text;
using System.Text.Json;
using AiEtl.Csv;

namespace AiEtl.Tests.Inference;

/// <summary>
/// Inference by the source's own parsing (<see cref="CsvSourceOptions.Culture"/> and exact formats): what it infers, the
/// source then reads without an error, and what the source would reject or misread it does not infer.
/// </summary>
public sealed class CultureInferenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-infer-culture-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_German_file_is_inferred_and_then_read_whole_without_an_error()
    {
        var options = InferenceSamples.OptionsFor(Path.Combine(InferenceSamples.Directory, "orders-de.csv"));

        var (schema, rows, dead) = await InferAndReadAsync(options);

        Assert.Empty(dead);
        Assert.Equal(40, rows.Count);
        Assert.All(schema.Fields, f => Assert.True(f.Confidence >= 0.95 || f.Type == FieldType.String, $"{f.Name}: {f.Confidence}"));
        var row = rows[4].Data;
        Assert.Equal(5L, row["id"]);
        Assert.Equal(1234.56m, row["amount"]);
        Assert.Equal(0.5, row["rate"]);
        Assert.Equal(1005L, row["qty"]);
        Assert.Equal(true, row["active"]);
        Assert.Equal(new DateOnly(2024, 6, 8), row["ordered"]);
        Assert.Equal(new DateTime(2024, 6, 8, 1, 55, 0), row["shipped"]);
        Assert.Equal(new DateTimeOffset(2025, 6, 8, 1, 55, 0, TimeSpan.FromHours(2)), row["paid"]);
        Assert.Equal(new TimeOnly(1, 55), row["opens"]);
        Assert.Equal("fragile", row["note"]);
        Assert.Equal("03985", row["zip"]);
        Assert.Equal(10000m, rows[3].Data["amount"]);
        Assert.Equal(1500d, rows[3].Data["rate"]);
        Assert.Null(rows[3].Data["ordered"]);
        Assert.Null(rows[2].Data["note"]);
        Assert.Equal(new TimeOnly(10, 22, 6), rows[1].Data["opens"]);
        Assert.Equal(12, schema.NullCounts!["note"]);
    }

    [Fact]
    public async Task A_US_file_is_inferred_and_then_read_whole_without_an_error()
    {
        var options = InferenceSamples.OptionsFor(Path.Combine(InferenceSamples.Directory, "orders-us.csv"));

        var (schema, rows, dead) = await InferAndReadAsync(options);

        Assert.Empty(dead);
        Assert.Equal(40, rows.Count);
        var row = rows[4].Data;
        Assert.Equal(1234.56m, row["amount"]);
        Assert.Equal(1005L, row["qty"]);
        Assert.Equal(true, row["active"]);
        Assert.Equal(new DateOnly(2024, 6, 8), row["ordered"]);
        Assert.Equal(new DateTime(2024, 6, 8, 1, 55, 0), row["shipped"]);
        Assert.Equal(new DateTimeOffset(2025, 6, 8, 1, 55, 0, TimeSpan.FromHours(-6)), row["paid"]);
        Assert.Equal(new TimeOnly(1, 55), row["opens"]);
        Assert.Equal(new DateOnly(2024, 2, 8), rows[0].Data["ordered"]);
        Assert.Equal(new TimeOnly(15, 33), rows[2].Data["opens"]);

        // 2/8/2024 is also 2 August read day first; the month-first values (4/22/2024) show the order, so it stays sure.
        var ordered = schema.GetField("ordered")!;
        Assert.True(ordered.Confidence >= 0.95, ordered.Description);
        Assert.Contains("read month first, as", ordered.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5\n2.5\n3.5\n")]
    [InlineData("1.00\n12.50\n3.000\n")]
    [InlineData("1,5.000\n2,5.000\n7,5.000\n")]
    public void A_German_number_with_a_group_separator_out_of_place_is_not_a_number(string values)
    {
        var options = Write("grouping.csv", "value\n" + values) with { Delimiter = ';', Culture = TestCultures.German() };

        var field = CsvSchemaInference.Infer(options).GetField("value")!;

        Assert.Equal(FieldType.String, field.Type);
    }

    [Fact]
    public void Well_placed_German_groups_are_numbers_and_without_a_culture_the_decimal_comma_is_detected_with_a_warning()
    {
        var content = "whole;amount;ratio\n1.000;1.234,56;0,5\n12;7,5;1,5e3\n1.000.000;-0,01;2\n";
        var german = Write("grouped.csv", content) with { Delimiter = ';', Culture = TestCultures.German() };

        var schema = CsvSchemaInference.Infer(german);
        var detected = CsvSchemaInference.Analyze(german with { Culture = null });

        Assert.Equal([FieldType.Integer, FieldType.Decimal, FieldType.Float], schema.Fields.Select(f => f.Type));
        Assert.True(detected.DecimalComma);
        Assert.Equal([FieldType.Integer, FieldType.Decimal, FieldType.Float], detected.Schema.Fields.Select(f => f.Type));
        Assert.Contains(detected.Columns[1].Warnings, w => w.Contains("decimal comma", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dates_that_fit_both_orders_with_nothing_to_tell_them_apart_are_never_sure()
    {
        var options = Write("both.csv", "d\n01/02/2024\n03/04/2024\n05/06/2024\n07/07/2024\n11/12/2024\n") with { DateFormats = ["dd/MM/yyyy", "MM/dd/yyyy"] };

        var (schema, rows, dead) = await InferAndReadAsync(options);

        var field = schema.GetField("d")!;
        Assert.Equal(FieldType.Date, field.Type);
        Assert.True(field.Confidence <= 0.5, field.Description);
        Assert.Contains("no value shows which; read day first", field.Description, StringComparison.Ordinal);
        Assert.Equal(["d"], CsvSchemaInference.Unsure(schema).Select(f => f.Name));
        Assert.Empty(dead);
        Assert.Equal(new DateOnly(2024, 2, 1), rows[0].Data["d"]);
    }

    [Fact]
    public void An_offset_no_instant_can_hold_is_a_counterexample_not_a_crash()
    {
        // +14:30 passed the ISO reader and made the default source throw from new DateTimeOffset, ending the scan.
        var options = Write("far-zone.csv", "at\n2024-01-01T00:00:00+14:30\n2024-01-02T00:00:00Z\n");

        var field = CsvSchemaInference.Infer(options).GetField("at")!;

        Assert.Equal(FieldType.String, field.Type);
        Assert.True(field.Confidence < 0.95, field.Description);
    }

    [Fact]
    public void Date_times_that_fit_both_orders_are_never_sure_either()
    {
        var options = Write("both-times.csv", "at\n01/02/2024 10:00\n03/04/2024 11:30\n") with { DateTimeFormats = ["dd/MM/yyyy HH:mm", "MM/dd/yyyy HH:mm"] };

        var field = CsvSchemaInference.Infer(options).GetField("at")!;

        Assert.Equal(FieldType.DateTime, field.Type);
        Assert.True(field.Confidence <= 0.5, field.Description);
    }

    [Fact]
    public void The_culture_order_alone_does_not_make_an_ambiguous_column_sure()
    {
        var options = Write("de-both.csv", "d\n01.02.2024\n03.04.2024\n05.06.2024\n") with { Culture = TestCultures.German() };

        var field = CsvSchemaInference.Infer(options).GetField("d")!;

        Assert.Equal(FieldType.Date, field.Type);
        Assert.True(field.Confidence <= 0.5, field.Description);
    }

    [Fact]
    public void One_exact_date_format_declares_the_order()
    {
        var options = Write("declared.csv", "d\n01/02/2024\n03/04/2024\n") with { DateFormats = ["dd/MM/yyyy"] };

        var field = CsvSchemaInference.Infer(options).GetField("d")!;

        Assert.Equal((FieldType.Date, 1.0), (field.Type, field.Confidence!.Value));
        Assert.Contains("as the configured formats say", field.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_the_source_would_read_in_the_order_other_values_contradict_are_text()
    {
        // dd/MM comes first, so the source reads 01/02/2024 as 1 February, but 12/31/2024 can only be month first.
        var options = Write("contradicted.csv", "d\n01/02/2024\n03/04/2024\n12/31/2024\n12/30/2024\n") with { DateFormats = ["dd/MM/yyyy", "MM/dd/yyyy"] };

        var (schema, _, dead) = await InferAndReadAsync(options);

        var field = schema.GetField("d")!;
        Assert.Equal(FieldType.String, field.Type);
        Assert.Contains("the source would read them day first, but 2 values can only be month first", field.Description, StringComparison.Ordinal);
        Assert.Empty(dead);

        // With month first listed first, the same column is read as the values show, and surely.
        var reordered = CsvSchemaInference.Infer(options with { DateFormats = ["MM/dd/yyyy", "dd/MM/yyyy"] }).GetField("d")!;
        Assert.Equal((FieldType.Date, 1.0), (reordered.Type, reordered.Confidence!.Value));
    }

    [Fact]
    public void A_culture_whose_order_the_values_contradict_does_not_infer_dates()
    {
        // US dates under a German culture: 12.31.2024 is no German date, and 01.02.2024 would be read as 1 February.
        var options = Write("us-in-de.csv", "d\n01.02.2024\n12.31.2024\n03.04.2024\n") with { Culture = TestCultures.German() };

        Assert.Equal(FieldType.String, CsvSchemaInference.Infer(options).GetField("d")!.Type);
    }

    [Fact]
    public async Task A_format_that_no_value_matches_infers_nothing_the_source_would_reject()
    {
        var options = Write("iso.csv", "d;t;at\n2024-12-31;10:30;2024-12-31T10:30:00\n2025-01-01;11:00;2025-01-01T11:00:00\n") with
        {
            Delimiter = ';',
            DateFormats = ["dd.MM.yyyy"],
            TimeFormats = ["h:mm tt"],
            DateTimeFormats = ["dd.MM.yyyy HH:mm"],
        };

        var (schema, rows, dead) = await InferAndReadAsync(options);

        Assert.All(schema.Fields, f => Assert.Equal(FieldType.String, f.Type));
        Assert.Empty(dead);
        Assert.Equal("2024-12-31", rows[0].Data["d"]);

        // Without the formats the same values are ISO dates, times and date-times.
        var iso = CsvSchemaInference.Infer(options with { DateFormats = [], TimeFormats = [], DateTimeFormats = [] });
        Assert.Equal([FieldType.Date, FieldType.Time, FieldType.DateTime], iso.Fields.Select(f => f.Type));
    }

    [Fact]
    public void Without_a_culture_only_ISO_dates_are_dates_though_the_general_parser_would_guess_more()
    {
        var options = Write("guess.csv", "d\n01/02/2024\n03/04/2024\n");

        Assert.Equal(FieldType.String, CsvSchemaInference.Infer(options).GetField("d")!.Type);
    }

    [Fact]
    public void Null_tokens_are_nulls_and_a_date_time_column_takes_plain_dates_only_when_the_source_reads_them()
    {
        var options = Write("nulls.csv", "at\n31.12.2024 10:30\n\\N\n01.01.2025\n31.01.2025 11:00\n") with { Culture = TestCultures.German(), NullValues = ["\\N"] };

        var schema = CsvSchemaInference.Infer(options);
        var exact = CsvSchemaInference.Infer(options with { DateTimeFormats = ["dd.MM.yyyy HH:mm"] });

        Assert.Equal((FieldType.DateTime, 1.0, 1), (schema.GetField("at")!.Type, schema.GetField("at")!.Confidence!.Value, schema.NullCounts!["at"]));
        Assert.Equal(FieldType.String, exact.GetField("at")!.Type);
    }

    public static TheoryData<string, string> SourceCases()
    {
        var data = new TheoryData<string, string>();
        string[] values =
        [
            "12", " 12", "1.234", "1.234,56", "1,234.56", "1.5", "1,5", "1,5e3", "-0,01", "1e3", "NaN", "0x1F", "true", "YES", "0",
            "2024-12-31", "31.12.2024", "12/31/2024", "1/2/2024", "2024-12-31T10:30:00", "2024-12-31T10:30:00+01:00", "2024-12-31 10:30",
            "31.12.2024 14:30", "01.01.2025 09:15 +01:00", "12/31/2024 02:30 PM", "10:30", "2:30 PM", "25:00",
            "6513270e-269e-0d37-f2a7-4de452e6b438", "{\"a\":1}", "[1,", "text",
        ];
        foreach (var options in new[] { "default", "german", "us" })
        {
            foreach (var value in values)
            {
                data.Add(options, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SourceCases))]
    public void Inference_asks_the_same_questions_as_the_CSV_field_reader(string optionsName, string value)
    {
        var options = optionsName switch
        {
            "german" => new CsvSourceOptions("x.csv") { Culture = TestCultures.German(), DateTimeFormats = ["dd.MM.yyyy HH:mm zzz", "dd.MM.yyyy HH:mm"] },
            "us" => new CsvSourceOptions("x.csv") { Culture = TestCultures.American(), DateFormats = ["MM/dd/yyyy", "M/d/yyyy"], TimeFormats = ["h:mm tt"] },
            _ => new CsvSourceOptions("x.csv"),
        };
        var format = CsvValueFormat.From(options);
        var source = new SourceValues(format);
        var bytes = Encoding.UTF8.GetBytes(value);

        Assert.Equal(Read(bytes, format, (ref r) => r.ReadInt64(0)), source.TryInt64(bytes, out var integer) ? integer : null);
        Assert.Equal(Read(bytes, format, (ref r) => r.ReadDouble(0)), source.TryDouble(bytes, out var number) ? number : null);
        Assert.Equal(Read(bytes, format, (ref r) => r.ReadDecimal(0)), source.TryDecimal(bytes, out var amount) ? amount : null);
        Assert.Equal(Read(bytes, format, (ref r) => r.ReadBoolean(0)), SourceValues.TryBoolean(bytes, out var flag) ? flag : null);
        Assert.Equal(Read(bytes, format, (ref r) => r.ReadDate(0)), source.TryDate(bytes, out var date) ? date : null);
        Assert.Equal(Read(bytes, format, (ref r) => r.ReadTime(0)), source.TryTime(bytes, out var time) ? time : null);
        Assert.Equal(Read(bytes, format, (ref r) => r.ReadDateTime(0)), source.TryDateTime(bytes, out var dateTime) ? dateTime : null);
        Assert.Equal(Read(bytes, format, (ref r) => r.ReadDateTimeOffset(0)), source.TryDateTimeOffset(bytes, out var timestamp) ? timestamp : null);
        Assert.Equal(Read(bytes, format, (ref r) => r.ReadGuid(0)), SourceValues.TryGuid(bytes, out var guid) ? guid : null);
        Assert.Equal(Read(bytes, format, (ref r) => r.ReadJson(0)) is not null, SourceValues.IsJson(bytes));
    }

    private delegate TValue FieldRead<TValue>(ref CsvFieldReader reader);

    // What the source's reader makes of one field: the value, or null when it reports the field as badly formed.
    private static TValue? Read<TValue>(byte[] bytes, CsvValueFormat? format, FieldRead<TValue> read)
        where TValue : struct
    {
        var reader = new CsvFieldReader(new CsvRow(bytes, [new CsvRowBuffer.Field(0, bytes.Length, false)], bytes), format);
        try
        {
            return read(ref reader);
        }
        catch (FieldFormatException)
        {
            return null;
        }
    }

    private static string? Read(byte[] bytes, CsvValueFormat? format, FieldRead<string> read)
    {
        var reader = new CsvFieldReader(new CsvRow(bytes, [new CsvRowBuffer.Field(0, bytes.Length, false)], bytes), format);
        try
        {
            return read(ref reader);
        }
        catch (FieldFormatException)
        {
            return null;
        }
    }

    private CsvSourceOptions Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return new CsvSourceOptions(path);
    }

    // Infers the schema, then reads the whole file with it through the same options; bad rows go to a dead-letter file.
    private async Task<(Schema Schema, List<Record> Rows, List<string> DeadLetters)> InferAndReadAsync(CsvSourceOptions options)
    {
        var schema = CsvSchemaInference.Infer(options);
        var deadLetters = Path.Combine(_directory, $"{Guid.NewGuid():N}.dlq.jsonl");
        var rows = new RecordingDestination<Record>();
        var result = await EtlPipeline.Create<Record>("infer-culture")
            .From(new CsvSource<Record, RecordCodec>(options, new RecordCodec(schema, new RecordMetadata("csv", options.Path))))
            .To(rows)
            .WithOptions(new PipelineOptions { ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip, DeadLetterPath = deadLetters } })
            .RunAsync(TestContext.Current.CancellationToken);
        Assert.True(result.Success, result.Describe());
        var dead = File.Exists(deadLetters) ? File.ReadAllLines(deadLetters).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("message").GetString()!).ToList() : [];
        return (schema, rows.Committed, dead);
    }
}
