using System.Text;
using System.Text.Json;
using AiEtl.Csv;

namespace AiEtl.Tests.Csv;

/// <summary>The corpus of bad CSV inputs: each gives its clear error or its documented result, and nothing is lost.</summary>
public sealed class CsvBadInputTests : IDisposable
{
    private const string Header = "id,name,age,born,balance\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-csvbad-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Empty_file_fails_saying_it_has_no_header()
    {
        var (result, rows, _) = await RunAsync("empty.csv", []);

        Assert.False(result.Success);
        Assert.Empty(rows);
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(SchemaException), error.ErrorType);
        Assert.Contains("empty.csv(1): the file has no header row", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_only_is_a_successful_run_of_no_rows()
    {
        var (result, rows, _) = await RunAsync("header.csv", Bytes(Header));

        Assert.True(result.Success, result.Describe());
        Assert.Empty(rows);
        Assert.Equal(0, result.RecordsExtracted);
    }

    [Fact]
    public async Task Missing_header_names_the_columns_it_lacks()
    {
        var (result, _, _) = await RunAsync("noheader.csv", Bytes("1,a,3,2000-01-01,1\n"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(SchemaException), error.ErrorType);
        Assert.Contains("noheader.csv(1): the header has no columns 'id', 'name', 'age', 'born', 'balance'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_header_names_are_ambiguous()
    {
        var (result, _, _) = await RunAsync("dup.csv", Bytes("id,name,age,Age,born,balance\n1,a,3,4,2000-01-01,1\n"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(SchemaException), error.ErrorType);
        Assert.Contains("dup.csv(1): the header names 'age' more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_column_count_goes_to_the_dead_letter_file_with_its_raw_line()
    {
        var (result, rows, dead) = await RunAsync("count.csv", Bytes(Header + "1,a,3,2000-01-01,1\n2,b,4\n3,c,5,2000-01-03,3,extra\n"));

        Assert.True(result.Success, result.Describe());
        Assert.Equal([1], rows.Select(r => r.Id));
        Assert.Equal(3, result.RecordsExtracted);
        Assert.Equal(2, dead.Count);
        Assert.Equal("count.csv(3) row 2: expected 5 fields, found 3", Tail(dead[0]));
        Assert.Equal("2,b,4", dead[0].GetProperty("raw").GetString());
        Assert.Equal("count.csv(4) row 3: expected 5 fields, found 6", Tail(dead[1]));
    }

    [Fact]
    public async Task Unterminated_quote_is_reported_at_its_line_and_not_swallowed_silently()
    {
        var (result, rows, dead) = await RunAsync("quote.csv", Bytes(Header + "1,a,3,2000-01-01,1\n2,\"open,4,2000-01-02,2\n3,c,5,2000-01-03,3\n"));

        Assert.Equal([1], rows.Select(r => r.Id));
        var entry = Assert.Single(dead);
        Assert.Equal("quote.csv(3): malformed CSV: UnterminatedQuote", Tail(entry));
        Assert.StartsWith("2,\"open", entry.GetProperty("raw").GetString(), StringComparison.Ordinal);
        Assert.Equal(result.RecordsExtracted, rows.Count + result.RecordsFailed);
    }

    [Fact]
    public async Task Bad_number_names_line_column_and_value()
    {
        var (_, rows, dead) = await RunAsync("number.csv", Bytes(Header + "1,a,3,2000-01-01,1\n2,b,4,2000-01-02,12.5.1\n"));

        Assert.Equal([1], rows.Select(r => r.Id));
        Assert.Equal("number.csv(3,5) row 2 column 'balance': '12.5.1' is not a decimal number", Tail(Assert.Single(dead)));
    }

    [Fact]
    public async Task Bad_date_names_line_column_and_value()
    {
        var (_, _, dead) = await RunAsync("date.csv", Bytes(Header + "1,a,3,2001-02-29,1\n"));

        Assert.Equal("date.csv(2,4) row 1 column 'born': '2001-02-29' is not a date (yyyy-MM-dd, or set Culture or DateFormats)", Tail(Assert.Single(dead)));
    }

    [Fact]
    public async Task Invalid_utf8_is_reported_not_replaced()
    {
        var bytes = Bytes(Header + "1,a,3,2000-01-01,1\n2,").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Bytes(",4,2000-01-02,2\n")).ToArray();

        var (_, rows, dead) = await RunAsync("utf8.csv", bytes);

        Assert.Equal([1], rows.Select(r => r.Id));
        Assert.Contains("utf8.csv(3,2) row 2: the row is not valid UTF-8", Tail(Assert.Single(dead)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_byte_order_mark_is_not_part_of_the_first_header_name()
    {
        var (result, rows, _) = await RunAsync("bom.csv", [0xEF, 0xBB, 0xBF, .. Bytes(Header + "1,Zoë,3,2000-01-01,1\n")]);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(new Person(1, "Zoë", 3, new DateOnly(2000, 1, 1), 1m), Assert.Single(rows));
    }

    [Fact]
    public async Task Mixed_crlf_and_lf_line_ends_read_every_row_with_true_line_numbers()
    {
        var (_, rows, dead) = await RunAsync("mixed.csv", Bytes("id,name,age,born,balance\r\n1,a,3,2000-01-01,1\n2,\"x\r\ny\",4,2000-01-02,2\r\n3,c,5,2000-01-03,3\n4,d,old,2000-01-04,4\r\n"));

        Assert.Equal([1, 2, 3], rows.Select(r => r.Id));
        Assert.Equal("x\r\ny", rows[1].Name);
        Assert.StartsWith("mixed.csv(6,3) row 4 column 'age'", Tail(Assert.Single(dead)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_10_MB_field_is_read_whole()
    {
        var big = new string('x', 10 * 1024 * 1024);

        var (result, rows, _) = await RunAsync("big.csv", Bytes(Header + $"1,\"{big}\",3,2000-01-01,1\n2,b,4,2000-01-02,2\n"));

        Assert.True(result.Success, result.Describe());
        Assert.Equal(big.Length, rows[0].Name.Length);
        Assert.Equal("b", rows[1].Name);
    }

    private async Task<(PipelineResult Result, List<Person> Rows, List<JsonElement> DeadLetters)> RunAsync(string name, byte[] content)
    {
        var path = Path.Combine(_directory, name);
        await File.WriteAllBytesAsync(path, content, TestContext.Current.CancellationToken);
        var deadLetters = Path.Combine(_directory, $"{name}.dlq.jsonl");
        var destination = new RecordingDestination<Person>();
        var result = await EtlPipeline.Create<Person>("bad")
            .From(new CsvSource<Person>(path))
            .To(destination)
            .WithOptions(new PipelineOptions { ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip, DeadLetterPath = deadLetters } })
            .RunAsync(TestContext.Current.CancellationToken);
        var dead = File.Exists(deadLetters) ? File.ReadAllLines(deadLetters).Select(l => JsonDocument.Parse(l).RootElement).ToList() : [];
        return (result, destination.Committed, dead);
    }

    // The message without the temp directory in front of the file name.
    private string Tail(JsonElement entry) => entry.GetProperty("message").GetString()!.Replace(_directory + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

}
