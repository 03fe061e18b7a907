using System.Text.Json;
using AiEtl.Csv;

namespace AiEtl.Tests.Csv;

public sealed class CsvSourceTests : IDisposable
{
    private const string Header = "id,name,age,born,balance\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-csv-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Reads_typed_values_by_header_name_in_any_column_order()
    {
        var path = Write("people.csv", "balance,born,name,id,age\n12.50,1990-02-03,\"Smith, \"\"JJ\"\"\",1,\n-3.00,2001-12-31,Zoë,2,44\n");

        var (result, rows) = await RunAsync(path);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(
            [new Person(1, "Smith, \"JJ\"", null, new DateOnly(1990, 2, 3), 12.50m), new Person(2, "Zoë", 44, new DateOnly(2001, 12, 31), -3.00m)],
            rows);
    }

    [Fact]
    public async Task A_missing_column_names_the_column_and_the_file()
    {
        var path = Write("no-age.csv", "id,name,born,balance\n1,a,2000-01-01,1\n");

        var (result, rows) = await RunAsync(path);

        Assert.False(result.Success);
        Assert.Empty(rows);
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(SchemaException), error.ErrorType);
        Assert.Contains("'age'", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extra_columns_are_ignored_with_one_warning()
    {
        var path = Write("extra.csv", "id,name,age,born,balance,notes\n1,a,3,2000-01-01,1,x\n2,b,4,2000-01-02,2,y\n");

        var (result, rows) = await RunAsync(path);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(2, rows.Count);
        Assert.Contains("notes", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_does_not_parse_fails_the_run_naming_file_line_and_column()
    {
        var path = Write("bad.csv", Header + "1,a,3,2000-01-01,1\n2,b,old,2000-01-02,2\n");

        var (result, _) = await RunAsync(path);

        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal(PipelineStage.Extract, error.Stage);
        Assert.Equal($"{path}(3,3) row 2 column 'age': 'old' is not a 32-bit integer", error.Message);
    }

    [Fact]
    public async Task With_skip_bad_rows_go_to_the_dead_letter_file_with_their_reason_and_raw_line()
    {
        var path = Write("mixed.csv", Header + "1,a,3,2000-01-01,1\n2,b,old,2000-01-02,2\n3,c\n4,d,5,2000-02-30,4\n5,e,,2000-01-05,5\n");
        var deadLetters = Path.Combine(_directory, "dlq.jsonl");

        var (result, rows) = await RunAsync(path, new PipelineOptions
        {
            ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip, DeadLetterPath = deadLetters },
        });

        Assert.True(result.Success, result.Describe());
        Assert.Equal([1, 5], rows.Select(r => r.Id));
        Assert.Equal(5, result.RecordsExtracted);
        Assert.Equal(3, result.RecordsFailed);
        var entries = File.ReadAllLines(deadLetters).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(3, entries.Count);
        Assert.Equal("2,b,old,2000-01-02,2", entries[0].GetProperty("raw").GetString());
        Assert.Equal(3, entries[0].GetProperty("location").GetProperty("line").GetInt64());
        Assert.Equal("age", entries[0].GetProperty("location").GetProperty("column_name").GetString());
        Assert.Equal($"{path}(4) row 3: expected 5 fields, found 2", entries[1].GetProperty("message").GetString());
        Assert.Equal("3,c", entries[1].GetProperty("raw").GetString());
        Assert.Contains("'born'", entries[2].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.All(entries, e => Assert.Equal("extract", e.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task A_missing_file_is_a_clear_configuration_error_and_not_retried()
    {
        var path = Path.Combine(_directory, "nope.csv");

        var (result, _) = await RunAsync(path);

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(PipelineConfigurationException), error.ErrorType);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_says_it_has_no_header()
    {
        var path = Write("empty.csv", "");

        var (result, _) = await RunAsync(path);

        Assert.Contains("no header", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rerun_reads_only_the_appended_rows_and_line_numbers_stay_true()
    {
        var path = Write("grow.csv", Header + "1,a,3,2000-01-01,1\n2,b,4,2000-01-02,2\n");
        var options = new PipelineOptions { State = new StateManager(Path.Combine(_directory, ".state")), BatchSize = 1 };

        var (first, firstRows) = await RunAsync(path, options);
        File.AppendAllText(path, "3,\"multi\nline\",5,2000-01-03,3\n4,d,x,2000-01-04,4\n");
        var (second, secondRows) = await RunAsync(path, options);

        Assert.True(first.Success, first.Describe());
        Assert.Equal([1, 2], firstRows.Select(r => r.Id));
        Assert.False(second.Success);
        Assert.Equal([3], secondRows.Select(r => r.Id));
        Assert.Equal("multi\nline", secondRows[0].Name);
        Assert.StartsWith($"{path}(6,3)", Assert.Single(second.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(3, second.FinalState!.Checkpoint.Offset);
    }

    [Fact]
    public async Task A_failed_load_keeps_the_last_committed_checkpoint_and_the_rerun_doubles_nothing()
    {
        var path = Write("resume.csv", Header + string.Concat(Enumerable.Range(1, 10).Select(i => $"{i},n{i},{i},2000-01-01,{i}\n")));
        var state = new StateManager(Path.Combine(_directory, ".state"));
        var options = new PipelineOptions { State = state, BatchSize = 3, RetryPolicy = RetryPolicy.None };
        var failing = new RecordingDestination<Person> { FailBatch = commit => commit == 3 };

        var first = await EtlPipeline.Create<Person>("resume").From(new CsvSource<Person>(path)).To(failing).WithOptions(options).RunAsync(TestContext.Current.CancellationToken);
        var (second, rest) = await RunAsync(path, options, "resume");

        Assert.False(first.Success);
        Assert.Equal([1, 2, 3, 4, 5, 6], failing.Committed.Select(r => r.Id));
        Assert.True(second.Success, second.Describe());
        Assert.Equal([7, 8, 9, 10], rest.Select(r => r.Id));
    }

    [Fact]
    public async Task A_file_shorter_than_its_checkpoint_is_reported()
    {
        var path = Write("shrunk.csv", Header + "1,a,3,2000-01-01,1\n2,b,4,2000-01-02,2\n");
        var options = new PipelineOptions { State = new StateManager(Path.Combine(_directory, ".state")) };
        await RunAsync(path, options);
        File.WriteAllText(path, Header);

        var (result, _) = await RunAsync(path, options);

        Assert.Contains("full refresh", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    private async Task<(PipelineResult Result, List<Person> Rows)> RunAsync(string path, PipelineOptions? options = null, string name = "test")
    {
        var destination = new RecordingDestination<Person>();
        var result = await EtlPipeline.Create<Person>(name)
            .From(new CsvSource<Person>(path))
            .To(destination)
            .WithOptions(options ?? new PipelineOptions { ErrorHandling = new ErrorHandlingOptions { DeadLetterPath = Path.Combine(_directory, "dlq.jsonl") } })
            .RunAsync(TestContext.Current.CancellationToken);
        return (result, destination.Committed);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

}
