using System.IO.Compression;
using System.Text.Json;

namespace AiEtl.Cli.Tests;

/// <summary><c>aietl run</c> of the samples end to end, into real SQLite and JSON Lines files, with the summary and exit codes.</summary>
public sealed class RunTests
{
    private static readonly string[] CsvLines = File.ReadAllLines(Paths.SampleData("customers.csv"));

    [Fact]
    public async Task Csv_to_sqlite_sample_loads_every_distinct_customer_and_a_rerun_merges()
    {
        using var dir = new TempDirectory();
        var database = dir.File("customers.db");
        string[] args = ["run", Paths.Sample("csv-to-sqlite.yaml"), "--set", "pipeline.destination.config.path=" + database, "--set", "pipeline.error_handling.dead_letter_queue=" + dir.File("dlq.jsonl")];

        var first = await Aietl.RunAsync(dir.Path, args);
        var second = await Aietl.RunAsync(dir.Path, args);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var distinctIds = CsvLines.Skip(1).Select(l => CsvText.Fields(l)[0]).Distinct().Count();
        Assert.Equal(distinctIds, Sqlite.Count(database, "customers"));
        Assert.Contains($"loaded       {distinctIds,12:N0} rows", first.Output, StringComparison.Ordinal);
        var row = CsvText.Fields(CsvLines[1]);
        Assert.Equal(row[1], Sqlite.Scalar(database, "SELECT email FROM customers WHERE id = " + row[0]));
        Assert.Equal(row[2], Sqlite.Scalar(database, "SELECT name FROM customers WHERE id = " + row[0]));
    }

    [Fact]
    public async Task Csv_to_jsonl_gz_sample_writes_the_rows_that_have_an_age()
    {
        using var dir = new TempDirectory();
        var output = dir.File("customers.jsonl.gz");

        var run = await Aietl.RunAsync(dir.Path, "run", Paths.Sample("csv-to-jsonl-gz.yaml"), "--set", "pipeline.destination.config.path=" + output, "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = CsvLines.Skip(1).Select(CsvText.Fields).Where(f => f[3].Length > 0).ToList();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(output), CompressionMode.Decompress));
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Count, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(long.Parse(expected[0][0], System.Globalization.CultureInfo.InvariantCulture), first.RootElement.GetProperty("id").GetInt64());
        Assert.Equal(expected[0][1], first.RootElement.GetProperty("email").GetString());
        using var summary = JsonDocument.Parse(run.Output);
        Assert.Equal(expected.Count, summary.RootElement.GetProperty("records_loaded").GetInt64());
    }

    [Fact]
    public async Task Json_output_has_the_seed_result_shape()
    {
        using var dir = new TempDirectory();
        var run = await Aietl.RunAsync(dir.Path, "run", Paths.Sample("csv-to-jsonl-gz.yaml"), "--set", "pipeline.destination.config.path=" + dir.File("o.jsonl.gz"), "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(
            ["pipeline_id", "success", "status", "records_extracted", "records_transformed", "records_filtered", "records_loaded", "records_failed", "start_time", "end_time",
             "duration_seconds", "extract_duration", "transform_duration", "load_duration", "avg_quality_score", "dead_letter_path", "state_path", "timed_out", "cancelled", "errors", "warnings"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("customers-to-jsonl", root.GetProperty("pipeline_id").GetString());
        Assert.True(root.GetProperty("success").GetBoolean());
        Assert.Equal("succeeded", root.GetProperty("status").GetString());
        Assert.Equal(CsvLines.Length - 1, root.GetProperty("records_extracted").GetInt64());
        Assert.Equal(root.GetProperty("records_extracted").GetInt64(), root.GetProperty("records_loaded").GetInt64() + root.GetProperty("records_filtered").GetInt64());
        Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Sqlite_to_csv_sample_exports_incrementally_and_state_can_be_shown_and_cleared()
    {
        using var dir = new TempDirectory();
        var database = dir.File("customers.db");
        var load = await Aietl.RunAsync(dir.Path, "run", Paths.Sample("csv-to-sqlite.yaml"), "--set", "pipeline.destination.config.path=" + database);
        Assert.True(load.ExitCode == 0, load.ToString());
        var pipeline = dir.Write("export.yaml", File.ReadAllText(Paths.Sample("sqlite-to-csv.yaml")).Replace("out/", "", StringComparison.Ordinal));

        var first = await Aietl.RunAsync(dir.Path, "run", pipeline);
        var second = await Aietl.RunAsync(dir.Path, "run", pipeline);
        var show = await Aietl.RunAsync(dir.Path, "state", "show", pipeline);
        var clear = await Aietl.RunAsync(dir.Path, "state", "clear", pipeline);
        var after = await Aietl.RunAsync(dir.Path, "state", "show", pipeline);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var rows = Sqlite.Count(database, "customers");
        Assert.Equal(rows + 1, File.ReadAllLines(dir.File("customers-export.csv")).Length);
        Assert.Contains("loaded                  0 rows", second.Output, StringComparison.Ordinal);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("\"pipeline_id\": \"sqlite-customers-to-csv\"", show.Output, StringComparison.Ordinal);
        Assert.Contains("cleared ", clear.Output, StringComparison.Ordinal);
        Assert.Contains("no saved state", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_lives_in_the_named_state_file_and_clearing_it_makes_the_next_run_read_from_the_start()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", "id,name\n1,a\n2,b\n3,c\n");
        var pipeline = dir.Write("p.yaml", "pipeline:\n  name: stateful\n  source:\n    type: csv\n    config:\n      path: in.csv\n    state_file: state/stateful.json\n  destination:\n    type: sqlite\n    config:\n      path: o.db\n      table: rows\n      write_mode: append\n");

        var first = await Aietl.RunAsync(dir.Path, "run", pipeline);
        var resumed = await Aietl.RunAsync(dir.Path, "run", pipeline);
        var stateFiles = Directory.GetFiles(dir.File("state"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        var clear = await Aietl.RunAsync(dir.Path, "state", "clear", pipeline);
        var again = await Aietl.RunAsync(dir.Path, "run", pipeline);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(["stateful.json"], stateFiles);
        Assert.True(clear.ExitCode == 0, clear.ToString());
        Assert.Contains("the checkpoint kept in", clear.Output, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.ToString());

        // The second run resumed after the three rows; the run after the clear read them all again (append mode keeps both copies).
        Assert.Equal(6, Sqlite.Count(dir.File("o.db"), "rows"));
    }

    [Fact]
    public async Task Select_and_rename_shape_the_table_and_the_transforms_after_them_use_the_new_names()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", "id,name,email,age\n1,ann,a@x.org,30\n2,bob,b@x.org,\n2,bob,b@x.org,41\n");
        var pipeline = dir.Write("p.yaml", "pipeline:\n  name: shaped\n  source:\n    type: csv\n    config:\n      path: in.csv\n  transforms:\n    - type: select\n      config:\n        fields: [email, id]\n    - type: rename\n      config:\n        fields:\n          email: mail\n    - type: deduplicator\n      config:\n        key_fields: [mail]\n  destination:\n    type: sqlite\n    config:\n      path: o.db\n      table: people\n");

        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["mail TEXT NOT NULL", "id INTEGER NOT NULL"], Sqlite.Columns(dir.File("o.db"), "people"));
        Assert.Equal([["a@x.org", "1"], ["b@x.org", "2"]], Sqlite.Rows(dir.File("o.db"), "SELECT mail, id FROM people ORDER BY id"));
    }

    [Fact]
    public async Task A_sqlite_page_size_from_the_file_shapes_a_new_database()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", "id,name\n1,a\n2,b\n");
        var pipeline = dir.Write("p.yaml", "pipeline:\n  name: pages\n  source:\n    type: csv\n    config:\n      path: in.csv\n  destination:\n    type: sqlite\n    config:\n      path: ${PAGES_DB}\n      table: rows\n      page_size: ${PAGE_SIZE:-8192}\n");

        // The default from the placeholder, then an override on the command line.
        var chosen = await Aietl.RunAsync(dir.Path, new Dictionary<string, string?> { ["PAGES_DB"] = "chosen.db" }, "run", pipeline);
        var overridden = await Aietl.RunAsync(dir.Path, new Dictionary<string, string?> { ["PAGES_DB"] = "set.db" }, "run", pipeline, "--set", "pipeline.destination.config.page_size=65536");

        Assert.True(chosen.ExitCode == 0, chosen.ToString());
        Assert.True(overridden.ExitCode == 0, overridden.ToString());
        Assert.Equal([["8192"]], Sqlite.Rows(dir.File("chosen.db"), "PRAGMA page_size"));
        Assert.Equal([["65536"]], Sqlite.Rows(dir.File("set.db"), "PRAGMA page_size"));
        Assert.Equal(2, Sqlite.Count(dir.File("chosen.db"), "rows"));
    }

    [Fact]
    public async Task A_field_named_after_a_rename_by_its_old_name_is_reported_at_its_line()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", "id,email\n1,a@x.org\n");
        var pipeline = dir.Write("p.yaml", "pipeline:\n  name: shaped\n  source:\n    type: csv\n    config:\n      path: in.csv\n    schema:\n      fields:\n        - { name: id, type: integer }\n        - { name: email, type: string }\n  transforms:\n    - type: rename\n      config:\n        fields:\n          email: mail\n    - type: deduplicator\n      config:\n        key_fields: [email]\n  destination:\n    type: jsonl\n    config:\n      path: o.jsonl\n");

        var run = await Aietl.RunAsync(dir.Path, "validate", pipeline);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(pipeline + "(18,22): error AIETL1015", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains("(did you mean 'mail'?); its fields are 'id', 'mail'", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_prints_the_plan_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        var database = dir.File("customers.db");

        var run = await Aietl.RunAsync(dir.Path, "run", Paths.Sample("csv-to-sqlite.yaml"), "--dry-run", "--set", "pipeline.destination.config.path=" + database);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("transform    deduplicator", run.Output, StringComparison.Ordinal);
        Assert.Contains("schema       customers: id integer not null, email string not null", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public async Task Invalid_configuration_exits_2_and_runs_nothing()
    {
        var run = await Aietl.RunAsync(Paths.Root, "run", Paths.Bad("negative-batch-size.yaml"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error AIETL1007", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv", "create_if_missing")]
    [InlineData("csv", "fail_if_missing")]
    [InlineData("json", "drop_and_create")]
    [InlineData("jsonl", "fail_if_missing")]
    public async Task Every_schema_mode_of_a_file_destination_binds_without_AIETL1024(string type, string schemaMode)
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", "id\n1\n");
        var pipeline = dir.Write("p.yaml", $"pipeline:\n  name: file-schema-mode\n  source:\n    type: csv\n    config:\n      path: in.csv\n  destination:\n    type: {type}\n    config:\n      path: o.{type}\n    schema_mode: {schemaMode}\n");

        // A dry run binds the destination (where AIETL1024 used to refuse every mode but create_if_missing) and writes nothing.
        var plan = await Aietl.RunAsync(dir.Path, "run", pipeline, "--dry-run");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.DoesNotContain("AIETL1024", plan.Output + plan.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("o." + type)));
    }

    [Fact]
    public async Task A_jsonl_source_without_a_schema_is_inferred_and_loads_typed_columns()
    {
        using var dir = new TempDirectory();
        dir.Write("events.jsonl", "{\"id\": 1, \"at\": \"2024-05-01\", \"score\": 1.5, \"ok\": true, \"tags\": [\"a\"]}\n{\"id\": 2, \"at\": \"2024-05-02\", \"ok\": false, \"tags\": []}\n");
        var pipeline = dir.Write("p.yaml", "pipeline:\n  name: infer-json\n  source:\n    type: jsonl\n    config:\n      path: events.jsonl\n  destination:\n    type: sqlite\n    config:\n      path: o.db\n      table: events\n");

        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["id INTEGER NOT NULL", "at TEXT NOT NULL", "score REAL", "ok INTEGER NOT NULL", "tags TEXT NOT NULL"],
            Sqlite.Columns(dir.File("o.db"), "events"));
        Assert.Equal([["1", "2024-05-01", "1.5", "1", "[\"a\"]"], ["2", "2024-05-02", "", "0", "[]"]], Sqlite.Rows(dir.File("o.db"), "SELECT id, at, score, ok, tags FROM events ORDER BY id"));
    }

    [Fact]
    public async Task Schema_infer_reads_a_json_file_by_its_extension()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("events.json", "[{\"id\": 1, \"name\": \"a\"}, {\"id\": 2, \"name\": null}]");

        var run = await Aietl.RunAsync(dir.Path, "schema", "infer", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("name: id", run.Output, StringComparison.Ordinal);
        Assert.Contains("type: integer", run.Output, StringComparison.Ordinal);
        Assert.Contains("name: name", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_run_exits_1_and_reports_the_row()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", "id,name\n1,a\nnot-a-number,b\n3,c\n");
        var pipeline = dir.Write("p.yaml", "pipeline:\n  name: failing\n  source:\n    type: csv\n    config:\n      path: in.csv\n    schema:\n      fields:\n        - { name: id, type: integer }\n        - { name: name, type: string }\n  destination:\n    type: jsonl\n    config:\n      path: o.jsonl\n");

        var run = await Aietl.RunAsync(dir.Path, "run", pipeline, "--output", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.False(json.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal("extract", json.RootElement.GetProperty("errors")[0].GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_wrong_command_line_exits_64_with_the_reason()
    {
        var unknown = await Aietl.RunAsync(Paths.Root, "runn", "x.yaml");
        var badOutput = await Aietl.RunAsync(Paths.Root, "run", Paths.Sample("csv-to-sqlite.yaml"), "--output", "xml");

        Assert.Equal(64, unknown.ExitCode);
        Assert.Contains("aietl: Unrecognized command or argument 'runn'", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(64, badOutput.ExitCode);
        Assert.Contains("xml", badOutput.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_format_json_from_the_environment_logs_json_lines_on_standard_error()
    {
        using var dir = new TempDirectory();
        var environment = new Dictionary<string, string?> { ["LOG_FORMAT"] = "json", ["LOG_LEVEL"] = "info" };

        var run = await Aietl.RunAsync(dir.Path, environment, "run", Paths.Sample("csv-to-jsonl-gz.yaml"), "--set", "pipeline.destination.config.path=" + dir.File("o.jsonl.gz"), "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var summary = JsonDocument.Parse(run.Output);
        var logs = run.Error.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l)).ToList();
        Assert.Contains(logs, l => l.RootElement.GetProperty("EventId").GetInt32() == 1 && l.RootElement.GetProperty("Category").GetString() == "AiEtl.Pipeline");
        Assert.Contains(logs, l => l.RootElement.GetProperty("EventId").GetInt32() == 6);

        // The layout of Microsoft.Extensions.Logging.Console's JSON formatter as the tool configured it before it wrote its own lines.
        var finished = logs.Single(l => l.RootElement.GetProperty("EventId").GetInt32() == 6).RootElement;
        Assert.Equal(["Timestamp", "EventId", "LogLevel", "Category", "Message", "State"], finished.EnumerateObject().Select(p => p.Name));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", finished.GetProperty("Timestamp").GetString());
        Assert.Equal("Information", finished.GetProperty("LogLevel").GetString());
        var state = finished.GetProperty("State");
        Assert.Equal(["Pipeline", "Duration", "RecordsExtracted", "RecordsLoaded", "RecordsFiltered", "RecordsFailed", "{OriginalFormat}"], state.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, state.GetProperty("RecordsLoaded").ValueKind);
        Assert.Matches(@"^\d\d:\d\d:\d\d(\.\d{7})?$", state.GetProperty("Duration").GetString());
        logs.ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task Log_format_text_logs_one_line_a_message_on_standard_error()
    {
        using var dir = new TempDirectory();
        var environment = new Dictionary<string, string?> { ["LOG_FORMAT"] = "text", ["LOG_LEVEL"] = "info" };

        var run = await Aietl.RunAsync(dir.Path, environment, "run", Paths.Sample("csv-to-jsonl-gz.yaml"), "--set", "pipeline.destination.config.path=" + dir.File("o.jsonl.gz"), "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        // The layout of Microsoft.Extensions.Logging.Console's simple formatter with SingleLine, as the tool configured it before it wrote its own lines.
        var logs = run.Error.Split('\n').Where(l => l.Contains(": AiEtl.Pipeline[", StringComparison.Ordinal)).ToList();
        Assert.Matches(@"^\d\d:\d\d:\d\d info: AiEtl\.Pipeline\[1\] Pipeline \S+ started: \S+ -> \S+$", logs[0]);
        Assert.Matches(@"^\d\d:\d\d:\d\d info: AiEtl\.Pipeline\[6\] Pipeline \S+ finished in \d\d:\d\d:\d\d(\.\d{7})?: \d+ read, \d+ loaded, \d+ filtered, \d+ failed$", logs[^1]);
    }

    [Fact]
    public async Task An_inferred_csv_schema_reads_the_file_with_the_null_tokens_and_decimal_comma_it_found()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("prices.csv"), "id;price;stock\n1;1.234,50;7\n2;12,00;NA\n3;0,75;12\n4;3,10;N/A\n");
        File.WriteAllText(dir.File("prices.yaml"), """
            pipeline:
              name: prices
              source:
                type: csv
                config:
                  path: prices.csv
                  delimiter: ";"
              destination:
                type: jsonl
                config:
                  path: prices.jsonl
            """);

        var run = await Aietl.RunAsync(dir.Path, "run", dir.File("prices.yaml"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = File.ReadAllLines(dir.File("prices.jsonl")).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(1234.50m, rows[0].GetProperty("price").GetDecimal());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("stock").ValueKind);
        Assert.Equal(12, rows[2].GetProperty("stock").GetInt64());
        Assert.Equal(JsonValueKind.Null, rows[3].GetProperty("stock").ValueKind);
    }
}
