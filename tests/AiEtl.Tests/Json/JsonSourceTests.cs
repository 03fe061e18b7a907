using System.Text;
using System.Text.Json;
using AiEtl.Json;

namespace AiEtl.Tests.Json;

/// <summary>The JSON source on good and bad inputs: every bad object is reported with its line and raw text.</summary>
public sealed class JsonSourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-jsonsrc-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Lines_match_properties_by_name_in_any_order_and_ignore_unknown_ones()
    {
        var (result, rows, _) = await RunAsync("people.jsonl", """
            {"balance": 12.5, "born": "1990-02-03", "name": "Smith, \"JJ\"", "id": 1, "extra": {"x": [1]}}

            {"id": "2", "name": "Zo\u00eb", "age": 44, "born": "2001-12-31", "balance": "-3.00", "age2": null}
            """);

        Assert.True(result.Success, result.Describe());
        Assert.Equal([new Person(1, "Smith, \"JJ\"", null, new DateOnly(1990, 2, 3), 12.5m), new Person(2, "Zoë", 44, new DateOnly(2001, 12, 31), -3.00m)], rows);
    }

    [Fact]
    public async Task A_streamed_array_spanning_many_buffers_reads_every_object()
    {
        var objects = Enumerable.Range(1, 5000).Select(i => $$"""{"id":{{i}},"name":"n{{i}}","age":null,"born":"2000-01-01","balance":{{i}}.25}""");

        var (result, rows, _) = await RunAsync("many.json", "[\n" + string.Join(",\n", objects) + "\n]\n");

        Assert.True(result.Success, result.Describe());
        Assert.Equal(Enumerable.Range(1, 5000), rows.Select(r => r.Id));
        Assert.Equal(4999.25m, rows[^2].Balance);
    }

    [Fact]
    public async Task Malformed_lines_go_to_the_dead_letter_file_with_line_number_and_raw_line()
    {
        var (result, rows, dead) = await RunAsync("bad.jsonl", """
            {"id":1,"name":"a","born":"2000-01-01","balance":1}
            {"id":2,"name":"b","born":"2000-01-01","balance":
            [1,2]
            {"id":4,"name":"d","born":"2000-02-30","balance":4}
            {"id":5,"name":"e","born":"2000-01-01","balance":"x"}
            {"id":6,"name":"f","balance":6}
            {"id":7,"name":"g","born":"2000-01-01","balance":7} {"id":8}
            """);

        Assert.True(result.Success, result.Describe());
        Assert.Equal([1], rows.Select(r => r.Id));
        Assert.Equal(7, result.RecordsExtracted);
        Assert.Equal(6, dead.Count);
        Assert.StartsWith("bad.jsonl(2) row 2: malformed JSON", Tail(dead[0]), StringComparison.Ordinal);
        Assert.Equal("""{"id":2,"name":"b","born":"2000-01-01","balance":""", dead[0].GetProperty("raw").GetString());
        Assert.Equal("bad.jsonl(3) row 3: expected a JSON object, found an array", Tail(dead[1]));
        Assert.Equal("bad.jsonl(4) row 4 column 'born': \"2000-02-30\" is not a date (yyyy-MM-dd)", Tail(dead[2]));
        Assert.Equal("bad.jsonl(5) row 5 column 'balance': \"x\" is not a decimal number", Tail(dead[3]));
        Assert.Equal("bad.jsonl(6) row 6 column 'born': a missing property is not a date (the value is missing and the field is not nullable)", Tail(dead[4]));
        Assert.StartsWith("bad.jsonl(7) row 7: malformed JSON", Tail(dead[5]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_string_whose_day_and_month_could_swap_is_an_error_not_a_guess()
    {
        var (result, rows, dead) = await RunAsync("dates.jsonl", """
            {"id":1,"name":"a","born":"01/02/2000","balance":1}
            {"id":2,"name":"b","born":"01/13/2000","balance":2}
            {"id":3,"name":"c","born":"2000/01/02","balance":3}
            """);

        Assert.True(result.Success, result.Describe());
        Assert.Equal([(2, new DateOnly(2000, 1, 13)), (3, new DateOnly(2000, 1, 2))], rows.Select(r => (r.Id, r.Born)));
        Assert.Equal("dates.jsonl(1) row 1 column 'born': \"01/02/2000\" is not a date (yyyy-MM-dd)", Tail(Assert.Single(dead)));
    }

    [Fact]
    public async Task Invalid_utf8_a_bom_and_crlf_are_handled()
    {
        var path = Path.Combine(_directory, "bytes.jsonl");
        byte[] content = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"id\":1,\"name\":\"a\",\"born\":\"2000-01-01\",\"balance\":1}\r\n{\"id\":2,\"name\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\",\"born\":\"2000-01-01\",\"balance\":2}\r\n")];
        await File.WriteAllBytesAsync(path, content, TestContext.Current.CancellationToken);

        var (result, rows, dead) = await RunPathAsync(path);

        Assert.True(result.Success, result.Describe());
        Assert.Equal([1], rows.Select(r => r.Id));
        Assert.Equal("bytes.jsonl(2) row 2: malformed JSON: the text is not valid UTF-8", Tail(Assert.Single(dead)));
    }

    [Fact]
    public async Task An_empty_lines_file_has_no_rows_and_an_empty_array_file_is_an_error()
    {
        var (lines, rows, _) = await RunAsync("empty.jsonl", "");
        var (array, _, _) = await RunAsync("empty.json", "");

        Assert.True(lines.Success, lines.Describe());
        Assert.Empty(rows);
        Assert.Contains("empty.json(1): the file is empty: no JSON array", Assert.Single(array.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_array_stops_with_the_line_of_the_problem()
    {
        var (result, rows, _) = await RunAsync("broken.json", "[\n{\"id\":1,\"name\":\"a\",\"born\":\"2000-01-01\",\"balance\":1},\n{\"id\":2,,}\n]");

        // The run fails; the batch being read is not committed, so a rerun after a fix reads it again.
        Assert.False(result.Success);
        Assert.Empty(rows);
        Assert.Contains("broken.json(3): malformed JSON in the array", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_10_MB_string_is_read_whole()
    {
        var big = new string('y', 10 * 1024 * 1024);

        var (result, rows, _) = await RunAsync("big.jsonl", $"{{\"id\":1,\"name\":\"{big}\",\"born\":\"2000-01-01\",\"balance\":1}}\n");

        Assert.True(result.Success, result.Describe());
        Assert.Equal(big.Length, Assert.Single(rows).Name.Length);
    }

    [Fact]
    public async Task Json_lines_are_read_incrementally_and_a_rewritten_file_is_reported()
    {
        var path = Path.Combine(_directory, "grow.jsonl");
        await File.WriteAllTextAsync(path, Lines(1, 3), TestContext.Current.CancellationToken);
        var options = new PipelineOptions { State = new StateManager(Path.Combine(_directory, ".state")), BatchSize = 2 };

        var (first, firstRows) = await RunStateAsync(path, options);
        await File.AppendAllTextAsync(path, "\n" + Lines(4, 2), TestContext.Current.CancellationToken);
        var (second, secondRows) = await RunStateAsync(path, options);
        await File.WriteAllTextAsync(path, Lines(1, 3).Replace("n2", "X2", StringComparison.Ordinal) + "\n" + Lines(4, 3), TestContext.Current.CancellationToken);
        var (rewritten, _) = await RunStateAsync(path, options);
        var (refreshed, all) = await RunStateAsync(path, options with { FullRefresh = true });

        Assert.True(first.Success && second.Success, first.Describe() + second.Describe());
        Assert.Equal([1, 2, 3], firstRows.Select(r => r.Id));
        Assert.Equal([4, 5], secondRows.Select(r => r.Id));
        Assert.Equal(7, second.FinalState!.Checkpoint.CustomState["line"].GetInt64());
        Assert.Matches("^xxh128:[0-9a-f]{32}$", second.FinalState.FileHash);
        Assert.Contains("grow.jsonl: the file was rewritten since the last run", Assert.Single(rewritten.Errors).Message, StringComparison.Ordinal);
        Assert.True(refreshed.Success, refreshed.Describe());
        Assert.Equal([1, 2, 3, 4, 5, 6], all.Select(r => r.Id));
    }

    [Fact]
    public async Task Compressed_json_lines_grown_by_a_new_gzip_member_are_read_from_where_the_last_run_stopped()
    {
        var path = Path.Combine(_directory, "grow.jsonl.gz");
        AppendGzip(path, Lines(1, 3));
        var options = new PipelineOptions { State = new StateManager(Path.Combine(_directory, ".state-gz")), BatchSize = 2 };

        var (first, firstRows) = await RunStateAsync(path, options);
        AppendGzip(path, Lines(4, 2));
        var (second, secondRows) = await RunStateAsync(path, options);

        Assert.True(first.Success && second.Success, first.Describe() + second.Describe());
        Assert.Equal([1, 2, 3], firstRows.Select(r => r.Id));
        Assert.Equal([4, 5], secondRows.Select(r => r.Id));
        Assert.Equal(Encoding.UTF8.GetByteCount(Lines(1, 5)), second.FinalState!.Checkpoint.CustomState["byte_offset"].GetInt64());
    }

    private static void AppendGzip(string path, string content)
    {
        using var file = new FileStream(path, FileMode.Append);
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(content));
    }

    private static string Lines(int first, int count) =>
        string.Concat(Enumerable.Range(first, count).Select(i => $"{{\"id\":{i},\"name\":\"n{i}\",\"born\":\"2000-01-01\",\"balance\":{i}}}\n"));

    private static async Task<(PipelineResult Result, List<Person> Rows)> RunStateAsync(string path, PipelineOptions options)
    {
        var destination = new RecordingDestination<Person>();
        var result = await EtlPipeline.Create<Person>("json-incremental").From(new JsonSource<Person>(path)).To(destination).WithOptions(options).RunAsync(TestContext.Current.CancellationToken);
        return (result, destination.Committed);
    }

    private async Task<(PipelineResult Result, List<Person> Rows, List<JsonElement> DeadLetters)> RunAsync(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        return await RunPathAsync(path);
    }

    private async Task<(PipelineResult Result, List<Person> Rows, List<JsonElement> DeadLetters)> RunPathAsync(string path)
    {
        var deadLetters = path + ".dlq.jsonl";
        var destination = new RecordingDestination<Person>();
        var result = await EtlPipeline.Create<Person>("json")
            .From(new JsonSource<Person>(path))
            .To(destination)
            .WithOptions(new PipelineOptions { BatchSize = 100, ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip, DeadLetterPath = deadLetters } })
            .RunAsync(TestContext.Current.CancellationToken);
        var dead = File.Exists(deadLetters) ? File.ReadAllLines(deadLetters).Select(l => JsonDocument.Parse(l).RootElement).ToList() : [];
        return (result, destination.Committed, dead);
    }

    private string Tail(JsonElement entry) => entry.GetProperty("message").GetString()!.Replace(_directory + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

}
