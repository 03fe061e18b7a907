using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AiEtl.Cli.Tests;

/// <summary><c>aietl dlq show|replay</c> on the dead-letter files of real runs into SQLite.</summary>
public sealed class DlqTests
{
    // Row 2 fails at extract (qty is not an integer), row 3 at the validator (age above 150), row 5 at extract (its name quoted, with a comma).
    private const string Input = "id,name,qty,age\n1,a,10,20\n2,b,ten,30\n3,c,30,200\n4,d,40,40\n5,\"e, f\",x5,50\n";

    [Fact]
    public async Task Show_counts_the_entries_of_every_stage_and_lists_them()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", Input.Replace("4,d,", "4,bad,", StringComparison.Ordinal));
        CreateItems(dir.File("out.db"), "id INTEGER PRIMARY KEY, name TEXT CHECK (name <> 'bad'), qty TEXT, age INTEGER");
        var pipeline = dir.Write("p.yaml", Pipeline("integer", maxAge: true));
        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);
        Assert.True(run.ExitCode == 0, run.ToString());

        var text = await Aietl.RunAsync(dir.Path, "dlq", "show", pipeline);
        var json = await Aietl.RunAsync(dir.Path, "dlq", "show", pipeline, "--output", "json", "--limit", "2");

        Succeeded(text,
            dir.File("dlq.jsonl") + ": 4 dead-lettered row(s)",
            "  extract           2\n  transform         1\n  load              1\n",
            "       2  extract    FieldFormatException, e.g. 'ten' is not a 64-bit integer",
            $"  {dir.File("in.csv")}(3,3) row 2 column 'qty'  extract: 'ten' is not a 64-bit integer\n",
            $"  {dir.File("in.csv")}(4) row 3  transform: validator: items row has 1 violation: age: '200' is not at most 150  [key 3]",
            $"  {dir.File("in.csv")}(5) row 4  load: the row with id=4 was rejected by");
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Output);
        var root = document.RootElement;
        Assert.Equal(4, root.GetProperty("count").GetInt32());
        Assert.Equal((2, 1, 1), (root.GetProperty("by_stage").GetProperty("extract").GetInt32(), root.GetProperty("by_stage").GetProperty("transform").GetInt32(), root.GetProperty("by_stage").GetProperty("load").GetInt32()));
        Assert.Equal(3, root.GetProperty("by_reason").GetArrayLength());
        var entries = root.GetProperty("entries");
        Assert.Equal(2, entries.GetArrayLength());
        Assert.Equal("extract", entries[0].GetProperty("stage").GetString());
        Assert.Equal(3, entries[0].GetProperty("location").GetProperty("line").GetInt32());
        Assert.Equal("qty", entries[0].GetProperty("location").GetProperty("column_name").GetString());
        Assert.Equal("'ten' is not a 64-bit integer", entries[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Show_without_a_dead_letter_file_says_there_are_no_rows()
    {
        using var dir = new TempDirectory();
        var pipeline = dir.Write("p.yaml", Pipeline("integer", maxAge: true));

        var text = await Aietl.RunAsync(dir.Path, "dlq", "show", pipeline);
        var json = await Aietl.RunAsync(dir.Path, "dlq", "show", pipeline, "--output", "json");
        var replay = await Aietl.RunAsync(dir.Path, "dlq", "replay", pipeline);

        Succeeded(text,
            "no dead-lettered rows (" + dir.File("dlq.jsonl") + ")");
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(0, document.RootElement.GetProperty("count").GetInt32());
        Succeeded(replay,
            "no dead-lettered rows");
        Assert.False(File.Exists(dir.File("dlq.jsonl")));
    }

    [Fact]
    public async Task Replay_after_the_schema_is_fixed_loads_the_rows_and_keeps_the_one_still_failing_with_its_new_reason()
    {
        using var dir = new TempDirectory();
        var pipeline = await RunWithDeadLettersAsync(dir);
        Assert.Equal(2, Sqlite.Count(dir.File("out.db"), "items"));

        // The user declares qty a string: the two rows that failed to parse load; the row above the age limit fails again.
        var replay = await FixAndReplayAsync(dir, pipeline, Pipeline("string", maxAge: true));

        Succeeded(replay,
            "  loaded                  2  removed from the file",
            $"  failed again (transform): {dir.File("in.csv")}(4) row 3: validator: items row has 1 violation: age: '200' is not at most 150",
            dir.File("dlq.jsonl") + ": 1 entry left");
        Assert.Equal(4, Sqlite.Count(dir.File("out.db"), "items"));
        Assert.Equal("e, f", Sqlite.Scalar(dir.File("out.db"), "SELECT name FROM items WHERE id = 5"));
        Assert.Equal("ten", Sqlite.Scalar(dir.File("out.db"), "SELECT qty FROM items WHERE id = 2"));
        var left = Assert.Single(File.ReadAllLines(dir.File("dlq.jsonl")));
        using (var entry = JsonDocument.Parse(left))
        {
            Assert.Equal("transform", entry.RootElement.GetProperty("stage").GetString());
            Assert.Equal("transform", entry.RootElement.GetProperty("replay_stage").GetString());
            Assert.Equal(4, entry.RootElement.GetProperty("location").GetProperty("line").GetInt32());
        }

        // The limit lifted, the last row loads and the file goes.
        var last = await FixAndReplayAsync(dir, pipeline, Pipeline("string", maxAge: false), "--output", "json");

        Assert.True(last.ExitCode == 0, last.ToString());
        using var summary = JsonDocument.Parse(last.Output);
        Assert.Equal((1, 0), (summary.RootElement.GetProperty("loaded").GetInt32(), summary.RootElement.GetProperty("remaining").GetInt32()));
        Assert.Equal(200L, Sqlite.Scalar(dir.File("out.db"), "SELECT age FROM items WHERE id = 3"));
        Assert.False(File.Exists(dir.File("dlq.jsonl")));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path, "dlq.jsonl.*"));
    }

    [Fact]
    public async Task Replay_with_nothing_fixed_keeps_every_entry_and_loads_nothing()
    {
        using var dir = new TempDirectory();
        var pipeline = await RunWithDeadLettersAsync(dir);

        var replay = await Aietl.RunAsync(dir.Path, "dlq", "replay", pipeline, "--output", "json");

        Assert.True(replay.ExitCode == 0, replay.ToString());
        using var summary = JsonDocument.Parse(replay.Output);
        Assert.Equal((0, 3, 3), (summary.RootElement.GetProperty("loaded").GetInt32(), summary.RootElement.GetProperty("failed_again").GetInt32(), summary.RootElement.GetProperty("remaining").GetInt32()));
        Assert.Equal(3, File.ReadAllLines(dir.File("dlq.jsonl")).Length);
        Assert.Equal(2, Sqlite.Count(dir.File("out.db"), "items"));
    }

    [Fact]
    public async Task Dry_run_says_what_would_be_replayed_and_changes_nothing()
    {
        using var dir = new TempDirectory();
        var pipeline = await RunWithDeadLettersAsync(dir);
        var before = File.ReadAllBytes(dir.File("dlq.jsonl"));

        var dryRun = await FixAndReplayAsync(dir, pipeline, Pipeline("string", maxAge: false), "--dry-run");

        Succeeded(dryRun,
            "3 entries (dry run: nothing is loaded or changed)",
            "  would replay            3");
        AssertUnchanged(dir, before, rows: 2);
    }

    [Fact]
    public async Task An_entry_stored_masked_is_not_replayable_and_stays()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", "id,email,qty\n1,ann@example.com,10\n2,bob@example.com,ten\n");
        var pipeline = dir.Write("p.yaml", Pipeline("integer", maxAge: false).Replace("        - { name: name, type: string }\n", "        - { name: email, type: string, sensitive: email }\n", StringComparison.Ordinal).Replace("        - { name: age, type: integer }\n", "", StringComparison.Ordinal));
        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("bob@example.com", File.ReadAllText(dir.File("dlq.jsonl")), StringComparison.Ordinal);
        var before = File.ReadAllBytes(dir.File("dlq.jsonl"));

        var replay = await FixAndReplayAsync(dir, pipeline, File.ReadAllText(pipeline).Replace("name: qty, type: integer", "name: qty, type: string", StringComparison.Ordinal));

        Succeeded(replay,
            "  not replayable          1  kept as they are",
            "(extract): the row was stored masked (sensitive field email), so it cannot be replayed faithfully");
        AssertUnchanged(dir, before, rows: 1);
    }

    [Fact]
    public async Task A_row_the_destination_rejected_loads_once_a_transform_fixes_it()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", "id,name,qty,age\n1,a,10,20\n2,b,,30\n");
        CreateItems(dir.File("out.db"), "id INTEGER PRIMARY KEY, name TEXT, qty TEXT NOT NULL, age INTEGER");
        var pipeline = dir.Write("p.yaml", Pipeline("string", maxAge: false));
        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);
        Assert.True(run.ExitCode == 0, run.ToString());
        using (var entry = JsonDocument.Parse(Assert.Single(File.ReadAllLines(dir.File("dlq.jsonl")))))
        {
            Assert.Equal("load", entry.RootElement.GetProperty("stage").GetString());
            Assert.Equal("{\"id\":2,\"name\":\"b\",\"qty\":null,\"age\":30}", entry.RootElement.GetProperty("raw").GetString());
        }

        var fixedPipeline = Pipeline("string", maxAge: false).Replace("  destination:", "  transforms:\n    - type: null_remover\n      config:\n        strategy: impute\n        impute: { qty: constant }\n        fill_values: { qty: \"0\" }\n  destination:", StringComparison.Ordinal);
        var replay = await FixAndReplayAsync(dir, pipeline, fixedPipeline);

        Succeeded(replay, "  loaded                  1  removed from the file");
        Assert.Equal("0", Sqlite.Scalar(dir.File("out.db"), "SELECT qty FROM items WHERE id = 2"));
        Assert.False(File.Exists(dir.File("dlq.jsonl")));
    }

    [Fact]
    public async Task A_json_lines_source_entry_is_parsed_again_after_the_fix()
    {
        using var dir = new TempDirectory();
        dir.Write("in.jsonl", "{\"id\": 1, \"name\": \"a\", \"qty\": 10, \"age\": 20}\n{\"id\": 2, \"name\": \"b\", \"qty\": \"ten\", \"age\": 30}\n");
        var pipeline = dir.Write("p.yaml", Pipeline("integer", maxAge: false).Replace("type: csv\n    config:\n      path: in.csv", "type: jsonl\n    config:\n      path: in.jsonl", StringComparison.Ordinal));
        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);
        Assert.True(run.ExitCode == 0, run.ToString());

        var replay = await FixAndReplayAsync(dir, pipeline, File.ReadAllText(pipeline).Replace("name: qty, type: integer", "name: qty, type: string", StringComparison.Ordinal));

        Succeeded(replay,
            "  loaded                  1");
        Assert.Equal("ten", Sqlite.Scalar(dir.File("out.db"), "SELECT qty FROM items WHERE id = 2"));
        Assert.False(File.Exists(dir.File("dlq.jsonl")));
    }

    [Fact]
    public async Task Replay_while_a_run_writes_the_file_is_refused_and_changes_nothing()
    {
        using var dir = new TempDirectory();
        var pipeline = await RunWithDeadLettersAsync(dir);
        var before = File.ReadAllBytes(dir.File("dlq.jsonl"));

        // Opened as the engine's dead-letter writer opens it for a run.
        Aietl.Run replay;
        using (new FileStream(dir.File("dlq.jsonl"), FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            replay = await FixAndReplayAsync(dir, pipeline, Pipeline("string", maxAge: false));
        }

        Assert.True(replay.ExitCode == 1, replay.ToString());
        Assert.Contains("a run of the pipeline is writing to the dead-letter file", replay.Error, StringComparison.Ordinal);
        AssertUnchanged(dir, before, rows: 2);
    }

    [Fact]
    public async Task Replay_into_a_destination_a_run_replaces_is_refused()
    {
        using var dir = new TempDirectory();
        var pipeline = dir.Write("p.yaml", Pipeline("integer", maxAge: false).Replace("write_mode: merge", "write_mode: replace", StringComparison.Ordinal));

        var replay = await Aietl.RunAsync(dir.Path, "dlq", "replay", pipeline);

        Assert.Equal(2, replay.ExitCode);
        Assert.Contains("write_mode is replace", replay.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_of_an_inferred_csv_parses_the_lines_with_the_inferred_null_tokens_and_decimal_comma()
    {
        using var dir = new TempDirectory();

        // The source as it is now (fixed): price has a decimal comma and stock the null token NA, which only the
        // inference's read options parse. The entry is one a run wrote when row 5's code failed a stricter schema,
        // in the engine's format.
        dir.Write("in.csv", "id;price;stock;code\n1;1.234,50;7;a1\n2;12,00;NA;b2\n3;0,75;12;c3\n4;3,10;NA;d4\n5;2,50;NA;x5\n");
        var source = dir.File("in.csv");
        dir.Write("dlq.jsonl", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["entry_id"] = "00000000000000000000000000000005",
            ["pipeline_id"] = "dlq-inferred",
            ["stage"] = "extract",
            ["error_type"] = "FieldFormatException",
            ["message"] = source + "(6,10) row 5 column 'code': 'x5' is not a 64-bit integer",
            ["location"] = new Dictionary<string, object> { ["source"] = source, ["line"] = 6, ["column"] = 10, ["column_name"] = "code", ["row"] = 5 },
            ["raw"] = "5;2,50;NA;x5",
        }) + "\n");
        var pipeline = dir.Write("p.yaml",
            "pipeline:\n  name: dlq-inferred\n  source:\n    type: csv\n    config:\n      path: in.csv\n      delimiter: \";\"\n" +
            "  destination:\n    type: sqlite\n    config:\n      path: out.db\n      table: prices\n      write_mode: append\n" +
            "  error_handling:\n    on_extract_error: skip\n    dead_letter_queue: dlq.jsonl\n");

        var replay = await Aietl.RunAsync(dir.Path, "dlq", "replay", pipeline);

        Succeeded(replay, "  loaded                  1  removed from the file");
        Assert.Equal([["5", "2.5", "", "x5"]], Sqlite.Rows(dir.File("out.db"), "SELECT id, price, stock, code FROM prices"));
        Assert.False(File.Exists(dir.File("dlq.jsonl")));
    }

    [Fact]
    public async Task Replay_of_100k_entries_streams_the_file_keeps_their_order_and_counts_and_bounded_memory()
    {
        using var dir = new TempDirectory();
        const int Rows = 100_000;

        // Every row fails at extract (qty is text); after the fix the odd ids fail again at the validator (age 200).
        var padding = new string('x', 400);
        using (var input = new StreamWriter(dir.File("in.csv")))
        {
            input.Write("id,name,qty,age\n");
            for (var id = 1; id <= Rows; id++)
            {
                input.Write($"{id},{padding},q{id},{(id % 2 == 0 ? 20 : 200)}\n");
            }
        }

        var pipeline = dir.Write("p.yaml", Pipeline("integer", maxAge: true));
        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);
        Assert.True(run.ExitCode == 0, run.ToString());
        var deadLetterBytes = new FileInfo(dir.File("dlq.jsonl")).Length;
        Assert.Equal(Rows, File.ReadLines(dir.File("dlq.jsonl")).Count());

        File.WriteAllText(pipeline, Pipeline("string", maxAge: true));
        var (replay, peak) = await PeakMemory.RunAsync(dir.Path, "dlq", "replay", pipeline);

        Succeeded(replay,
            "  loaded              50000  removed from the file",
            "  failed again        50000  kept, with the new reason",
            dir.File("dlq.jsonl") + ": 50000 entries left");
        Assert.Equal(Rows / 2, Sqlite.Count(dir.File("out.db"), "items"));
        var left = File.ReadLines(dir.File("dlq.jsonl")).Select(line =>
        {
            using var entry = JsonDocument.Parse(line);
            Assert.Equal("transform", entry.RootElement.GetProperty("replay_stage").GetString());
            return entry.RootElement.GetProperty("location").GetProperty("line").GetInt64();
        }).ToList();

        // The entries that stay are the odd ids, in the file's order (id n is on line n + 1 of in.csv).
        Assert.Equal(Enumerable.Range(0, Rows / 2).Select(i => (long)(2 * i) + 2), left);

        // The file is about 100k x 900 bytes; holding it (bytes, text, lines, entries) took several times that.
        TestContext.Current.SendDiagnosticMessage($"dead-letter file {deadLetterBytes / 1e6:F1} MB, replay peak working set {peak / 1e6:F1} MB");
        Assert.True(peak < deadLetterBytes + (150L << 20), $"the replay peaked at {peak / 1e6:F1} MB for a {deadLetterBytes / 1e6:F1} MB dead-letter file");
    }

    private static string Pipeline(string qtyType, bool maxAge) => $$"""
        pipeline:
          name: dlq-test
          source:
            type: csv
            config:
              path: in.csv
            schema:
              name: items
              fields:
                - { name: id, type: integer, primary_key: true }
                - { name: name, type: string }
                - { name: qty, type: {{qtyType}} }
                - { name: age, type: integer{{(maxAge ? ", max_value: 150" : "")}} }
          destination:
            type: sqlite
            config:
              path: out.db
              table: items
              write_mode: merge
          error_handling:
            on_extract_error: skip
            on_transform_error: skip
            on_load_error: skip
            dead_letter_queue: dlq.jsonl

        """;

    // A run of the pipeline on the input: rows 2 and 5 dead-lettered at extract, row 3 at the validator.
    private static async Task<string> RunWithDeadLettersAsync(TempDirectory dir)
    {
        dir.Write("in.csv", Input);
        var pipeline = dir.Write("p.yaml", Pipeline("integer", maxAge: true));
        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);
        Assert.True(run.ExitCode == 0, run.ToString());
        return pipeline;
    }

    // The user edits the pipeline (the cause of the failures), then replays.
    private static Task<Aietl.Run> FixAndReplayAsync(TempDirectory dir, string pipeline, string fixedPipeline, params string[] options)
    {
        File.WriteAllText(pipeline, fixedPipeline);
        return Aietl.RunAsync(dir.Path, ["dlq", "replay", pipeline, .. options]);
    }

    private static void Succeeded(Aietl.Run run, params string[] lines)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var line in lines)
        {
            Assert.Contains(line, run.Output, StringComparison.Ordinal);
        }
    }

    private static void AssertUnchanged(TempDirectory dir, byte[] deadLetters, long rows)
    {
        Assert.Equal(deadLetters, File.ReadAllBytes(dir.File("dlq.jsonl")));
        Assert.Equal(rows, Sqlite.Count(dir.File("out.db"), "items"));
    }

    // The destination's table made beforehand, with a constraint that rejects a row at load.
    private static void CreateItems(string database, string columns)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE items ({columns})";
        command.ExecuteNonQuery();
    }
}
