using System.Text.Json;
using AiEtl.Csv;

namespace AiEtl.Tests.Csv;

/// <summary>
/// <see cref="CsvSourceOptions.Culture"/> and the exact date formats: German numbers and dates, US dates, a file
/// mixing formats whose bad value is reported with file, line and column, and the default invariant ISO path unchanged.
/// </summary>
public sealed class CsvCultureTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-csvculture-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_German_file_reads_its_numbers_and_dates()
    {
        var options = Options("de.csv") with
        {
            Delimiter = ';',
            Culture = TestCultures.German(),
            DateFormats = ["dd.MM.yyyy"],
            DateTimeFormats = ["dd.MM.yyyy HH:mm", "dd.MM.yyyy HH:mm zzz"],
        };
        Write(
            options,
            "id;amount;rate;count;ordered;shipped;paid\n"
            + "1;1.234,56;0,5;1.000.000;31.12.2024;31.12.2024 14:30;01.01.2025 09:15 +01:00\n"
            + "2;-7,5;1,5e3;12;29.02.2024;;\n");

        var (result, rows, dead) = await RunAsync<LocalizedOrder>(new CsvSource<LocalizedOrder>(options));

        Assert.True(result.Success, result.Describe());
        Assert.Empty(dead);
        Assert.Equal(
            new LocalizedOrder(1, 1234.56m, 0.5, 1_000_000, new DateOnly(2024, 12, 31), new DateTime(2024, 12, 31, 14, 30, 0), new DateTimeOffset(2025, 1, 1, 9, 15, 0, TimeSpan.FromHours(1))),
            rows[0]);
        Assert.Equal(new LocalizedOrder(2, -7.5m, 1500, 12, new DateOnly(2024, 2, 29), null, null), rows[1]);
        Assert.Equal(DateTimeKind.Unspecified, rows[0].Shipped!.Value.Kind);
    }

    [Fact]
    public async Task A_German_number_with_a_misplaced_group_separator_is_an_error_not_a_bigger_number()
    {
        var options = Options("de-bad.csv") with { Delimiter = ';', Culture = TestCultures.German(), DateFormats = ["dd.MM.yyyy"] };
        Write(options, "id;amount;rate;count;ordered;shipped;paid\n1;1.5;0,5;1;31.12.2024;;\n2;2,5;1.5;1;31.12.2024;;\n3;3,5;0;1.00;31.12.2024;;\n4;4,5;0;7;31.12.2024;;\n");

        var (result, rows, dead) = await RunAsync<LocalizedOrder>(new CsvSource<LocalizedOrder>(options));

        Assert.Equal([4], rows.Select(row => row.Id));
        Assert.Equal(3, result.RecordsFailed);
        Assert.Equal(
            [
                "de-bad.csv(2,2) row 1 column 'amount': '1.5' is not a decimal number like 1.234,56",
                "de-bad.csv(3,3) row 2 column 'rate': '1.5' is not a number like 1.234,56",
                "de-bad.csv(4,4) row 3 column 'count': '1.00' is not a 64-bit integer like 1.234.567",
            ],
            dead.Select(Tail));
    }

    [Fact]
    public async Task The_culture_alone_reads_dates_in_its_own_forms_after_ISO()
    {
        var options = Options("de-dates.csv") with { Delimiter = ';', Culture = TestCultures.German() };
        Write(options, "id;amount;rate;count;ordered;shipped;paid\n1;1;1;1;31.12.2024;01.02.2024 10:30;\n2;1;1;1;2024-12-30;2024-02-01T10:30:00;\n3;1;1;1;12/31/2024;;\n");

        var (_, rows, dead) = await RunAsync<LocalizedOrder>(new CsvSource<LocalizedOrder>(options));

        Assert.Equal([new DateOnly(2024, 12, 31), new DateOnly(2024, 12, 30)], rows.Select(row => row.Ordered));
        Assert.All(rows, row => Assert.Equal(new DateTime(2024, 2, 1, 10, 30, 0), row.Shipped));
        Assert.Equal("de-dates.csv(4,5) row 3 column 'ordered': '12/31/2024' is not a date (yyyy-MM-dd or the culture's forms)", Tail(Assert.Single(dead)));
    }

    [Fact]
    public async Task A_US_file_reads_month_first_dates_and_comma_grouped_numbers()
    {
        var options = Options("us.csv") with
        {
            Culture = TestCultures.American(),
            DateFormats = ["MM/dd/yyyy", "M/d/yyyy"],
            DateTimeFormats = ["MM/dd/yyyy hh:mm tt"],
        };
        Write(options, "id,amount,rate,count,ordered,shipped,paid\n1,\"1,234.56\",0.25,\"12,345\",12/31/2024,12/31/2024 02:30 PM,\n2,5,1,1,2/3/2024,,\n");

        var (result, rows, _) = await RunAsync<LocalizedOrder>(new CsvSource<LocalizedOrder>(options));

        Assert.True(result.Success, result.Describe());
        Assert.Equal(new LocalizedOrder(1, 1234.56m, 0.25, 12345, new DateOnly(2024, 12, 31), new DateTime(2024, 12, 31, 14, 30, 0), null), rows[0]);
        Assert.Equal(new DateOnly(2024, 2, 3), rows[1].Ordered);
    }

    [Fact]
    public async Task A_file_mixing_formats_reports_the_bad_value_with_file_line_and_column()
    {
        var options = Options("mixed.csv") with { DateFormats = ["dd/MM/yyyy", "yyyy-MM-dd"] };
        Write(options, "id,amount,rate,count,ordered,shipped,paid\n1,1,1,1,15/03/2024,,\n2,1,1,1,2024-03-16,,\n3,1,1,1,31/02/2024,,\n4,1,1,1,17/03/2024,,\n");

        var (result, rows, dead) = await RunAsync<LocalizedOrder>(new CsvSource<LocalizedOrder>(options));

        Assert.Equal([new DateOnly(2024, 3, 15), new DateOnly(2024, 3, 16), new DateOnly(2024, 3, 17)], rows.Select(row => row.Ordered));
        Assert.Equal((4, 3, 1), (result.RecordsExtracted, result.RecordsLoaded, result.RecordsFailed));
        var entry = Assert.Single(dead);
        Assert.Equal("mixed.csv(4,5) row 3 column 'ordered': '31/02/2024' is not a date (dd/MM/yyyy or yyyy-MM-dd)", Tail(entry));
        Assert.Equal("3,1,1,1,31/02/2024,,", entry.GetProperty("raw").GetString());
        var location = entry.GetProperty("location");
        Assert.Equal((4, 5, "ordered"), (location.GetProperty("line").GetInt32(), location.GetProperty("column").GetInt32(), location.GetProperty("column_name").GetString()));
    }

    [Fact]
    public async Task One_format_is_named_in_the_error()
    {
        var options = Options("one.csv") with { DateFormats = ["dd/MM/yyyy"] };
        Write(options, "id,amount,rate,count,ordered,shipped,paid\n1,1,1,1,31/02/2024,,\n");

        var (_, _, dead) = await RunAsync<LocalizedOrder>(new CsvSource<LocalizedOrder>(options));

        Assert.Equal("one.csv(2,5) row 1 column 'ordered': '31/02/2024' is not a date (dd/MM/yyyy)", Tail(Assert.Single(dead)));
    }

    [Fact]
    public async Task Date_time_formats_apply_to_timestamps_and_an_offset_becomes_UTC_in_a_date_time()
    {
        var options = Options("dt.csv") with { DateFormats = ["yyyy-MM-dd"], DateTimeFormats = ["dd.MM.yyyy HH:mm:ss zzz", "dd.MM.yyyy HH:mm:ss"] };
        Write(options, "id,amount,rate,count,ordered,shipped,paid\n1,1,1,1,2024-01-01,01.02.2024 10:00:00 +02:00,01.02.2024 10:00:00\n2,1,1,1,2024-01-01,2024-02-01T10:00:00,\n");

        var (_, rows, dead) = await RunAsync<LocalizedOrder>(new CsvSource<LocalizedOrder>(options));

        var row = Assert.Single(rows);
        Assert.Equal(new DateTime(2024, 2, 1, 8, 0, 0, DateTimeKind.Utc), row.Shipped);
        Assert.Equal(DateTimeKind.Utc, row.Shipped!.Value.Kind);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 10, 0, 0, TimeSpan.Zero), row.Paid);
        Assert.Equal(
            "dt.csv(3,6) row 2 column 'shipped': '2024-02-01T10:00:00' is not a date-time (dd.MM.yyyy HH:mm:ss zzz or dd.MM.yyyy HH:mm:ss)",
            Tail(Assert.Single(dead)));
    }

    [Fact]
    public async Task The_default_path_is_invariant_ISO_and_unchanged()
    {
        var options = Options("default.csv");
        Assert.Null(CsvValueFormat.From(options));
        Write(options, "id,amount,rate,count,ordered,shipped,paid\n1,1234.56,1e3,42,2024-12-31,2024-12-31T14:30:00Z,2024-12-31T14:30:00+01:00\n2,\"1.234,56\",1,1,2024-12-31,,\n3,1,1,1,31.12.2024,,\n");

        var (_, rows, dead) = await RunAsync<LocalizedOrder>(new CsvSource<LocalizedOrder>(options));

        Assert.Equal(
            new LocalizedOrder(1, 1234.56m, 1000, 42, new DateOnly(2024, 12, 31), new DateTime(2024, 12, 31, 14, 30, 0, DateTimeKind.Utc), new DateTimeOffset(2024, 12, 31, 14, 30, 0, TimeSpan.FromHours(1))),
            Assert.Single(rows));
        Assert.Equal(
            [
                "default.csv(3,2) row 2 column 'amount': '1.234,56' is not a decimal number",
                "default.csv(4,5) row 3 column 'ordered': '31.12.2024' is not a date (yyyy-MM-dd, or set Culture or DateFormats)",
            ],
            dead.Select(Tail));
    }

    [Fact]
    public async Task Without_a_culture_a_date_that_reads_day_first_or_month_first_is_an_error_not_a_guess()
    {
        var options = Options("ambiguous.csv");
        Write(
            options,
            "id,amount,rate,count,ordered,shipped,paid\n"
            + "1,1,1,1,01/02/2024,,\n" // 2 January or 1 February
            + "2,1,1,1,01/13/2024,02/03/2024 10:00,\n" // the order shows; the date-time's does not
            + "3,1,1,1,2024/01/02,,03/04/2024 10:00 +01:00\n" // year first; the timestamp's order does not show
            + "4,1,1,1,05/05/2024,12/13/2024 10:00,\n"); // the same either way; the order shows

        var (_, rows, dead) = await RunAsync<LocalizedOrder>(new CsvSource<LocalizedOrder>(options));
        var (_, us, usDead) = await RunAsync<LocalizedOrder>(new CsvSource<LocalizedOrder>(options with { Culture = TestCultures.American() }));

        Assert.Equal(
            [
                "ambiguous.csv(2,5) row 1 column 'ordered': '01/02/2024' is not a date (yyyy-MM-dd, or set Culture or DateFormats)",
                "ambiguous.csv(3,6) row 2 column 'shipped': '02/03/2024 10:00' is not an ISO-8601 date-time (or set Culture or DateTimeFormats)",
                "ambiguous.csv(4,7) row 3 column 'paid': '03/04/2024 10:00 +01:00' is not an ISO-8601 timestamp (or set Culture or DateTimeFormats)",
            ],
            dead.Select(Tail));
        Assert.Equal((4, new DateOnly(2024, 5, 5), new DateTime(2024, 12, 13, 10, 0, 0)), (Assert.Single(rows).Id, rows[0].Ordered, rows[0].Shipped!.Value));
        Assert.Empty(usDead);
        Assert.Equal([new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 13), new DateOnly(2024, 1, 2), new DateOnly(2024, 5, 5)], us.Select(row => row.Ordered));
    }

    [Theory]
    [InlineData("01/02/2024", true)]
    [InlineData(" 1.2.2024", true)]
    [InlineData("12-11-2024 10:00", true)]
    [InlineData("01/13/2024", false)]
    [InlineData("13/01/2024", false)]
    [InlineData("05/05/2024", false)]
    [InlineData("2024/01/02", false)]
    [InlineData("Jan 2, 2024", false)]
    [InlineData("2 January 2024", false)]
    [InlineData("00/01/2024", false)]
    public void Day_and_month_could_swap_only_when_both_numbers_could_be_months(string text, bool ambiguous) =>
        Assert.Equal(ambiguous, Utf8Values.DayAndMonthCouldSwap(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task Dynamic_records_read_with_the_culture_too()
    {
        var options = Options("dyn.csv") with { Delimiter = ';', Culture = TestCultures.German(), DateFormats = ["dd.MM.yyyy"], TimeFormats = ["h:mm tt", "HH:mm"] };
        Write(options, "id;amount;ordered;opens\n1;1.234,56;31.12.2024;2:30 PM\n2;1;01.01.2025;25:00\n");
        var schema = new Schema(
            "dyn",
            [new Field("id", FieldType.Integer), new Field("amount", FieldType.Decimal), new Field("ordered", FieldType.Date), new Field("opens", FieldType.Time)]);
        var source = new CsvSource<Record, RecordCodec>(options, new RecordCodec(schema, new RecordMetadata("csv", options.Path)));

        var (_, rows, dead) = await RunAsync(source);

        var row = Assert.Single(rows);
        Assert.Equal(
            (1L, 1234.56m, new DateOnly(2024, 12, 31), new TimeOnly(14, 30)),
            ((long)row["id"]!, (decimal)row["amount"]!, (DateOnly)row["ordered"]!, (TimeOnly)row["opens"]!));
        Assert.Equal("dyn.csv(3,4) row 2 column 'opens': '25:00' is not a time (h:mm tt or HH:mm)", Tail(Assert.Single(dead)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("dd.MM.yyyy%")]
    public void An_invalid_format_is_a_configuration_error(string format)
    {
        var error = Assert.Throws<PipelineConfigurationException>(() => new CsvSource<LocalizedOrder>(Options("x.csv") with { DateFormats = [format] }));

        Assert.Contains($"DateFormats: '{format}' is not a valid format", error.Message, StringComparison.Ordinal);
    }

    private CsvSourceOptions Options(string name) => new(Path.Combine(_directory, name));

    private static void Write(CsvSourceOptions options, string content) => File.WriteAllText(options.Path, content);

    private async Task<(PipelineResult Result, List<T> Rows, List<JsonElement> DeadLetters)> RunAsync<T>(ISource<T> source)
    {
        var deadLetters = Path.Combine(_directory, $"{Guid.NewGuid():N}.dlq.jsonl");
        var destination = new RecordingDestination<T>();
        var result = await EtlPipeline.Create<T>("culture")
            .From(source)
            .To(destination)
            .WithOptions(new PipelineOptions { ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip, DeadLetterPath = deadLetters } })
            .RunAsync(TestContext.Current.CancellationToken);
        var dead = File.Exists(deadLetters) ? File.ReadAllLines(deadLetters).Select(l => JsonDocument.Parse(l).RootElement).ToList() : [];
        return (result, destination.Committed, dead);
    }

    private string Tail(JsonElement entry) => entry.GetProperty("message").GetString()!.Replace(_directory + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

}
