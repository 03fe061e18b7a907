namespace AiEtl.Cli.Tests;

/// <summary>
/// <c>schema_mode</c> on the file destinations (csv, jsonl), through the real <c>aietl run</c> on real files: a mode
/// each, and each input a mode refuses, with the file and the differing columns named and the file left as it was.
/// </summary>
public sealed class FileSchemaModeTests
{
    private const string Input = "id,name\n1,a\n2,b\n";

    [Fact]
    public async Task Create_if_missing_creates_the_csv_and_an_append_adds_rows_under_its_header()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", Input);
        var pipeline = dir.Write("p.yaml", Pipeline("csv", "out.csv", "create_if_missing", "append"));

        var first = await Aietl.RunAsync(dir.Path, "run", pipeline);
        var second = await Aietl.RunAsync(dir.Path, "run", pipeline, "--full-refresh");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("id,name\r\n1,a\r\n2,b\r\n1,a\r\n2,b\r\n", File.ReadAllText(dir.File("out.csv")));
    }

    [Fact]
    public async Task Fail_if_missing_refuses_a_missing_file_and_names_it()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", Input);
        var pipeline = dir.Write("p.yaml", Pipeline("csv", "out.csv", "fail_if_missing", "replace"));

        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(dir.File("out.csv") + ": the file does not exist and the schema mode is fail_if_missing", run.Output + run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out.csv")));
    }

    [Fact]
    public async Task Fail_if_missing_replaces_a_csv_whose_header_is_the_rows_fields()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", Input);
        dir.Write("out.csv", "id,name\r\n9,old\r\n");
        var pipeline = dir.Write("p.yaml", Pipeline("csv", "out.csv", "fail_if_missing", "replace"));

        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("id,name\r\n1,a\r\n2,b\r\n", File.ReadAllText(dir.File("out.csv")));
    }

    [Fact]
    public async Task Fail_if_missing_refuses_a_csv_whose_header_differs_and_names_the_columns()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", Input);
        dir.Write("out.csv", "id,full_name,city\r\n9,old,x\r\n");
        var pipeline = dir.Write("p.yaml", Pipeline("csv", "out.csv", "fail_if_missing", "replace"));

        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);

        Refused(run, dir.File("out.csv"), "id,full_name,city\r\n9,old,x\r\n", dir.File("out.csv") + "(1): the existing file has the header 'id,full_name,city', not 'id,name' of ", "the file lacks the column 'name'; the schema lacks the columns 'full_name', 'city'");
    }

    [Fact]
    public async Task Fail_if_missing_refuses_a_jsonl_whose_first_row_has_other_fields()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", Input);
        dir.Write("out.jsonl", "{\"id\":9,\"title\":\"old\"}\n");
        var pipeline = dir.Write("p.yaml", Pipeline("jsonl", "out.jsonl", "fail_if_missing", "append"));

        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);

        Refused(run, dir.File("out.jsonl"), "{\"id\":9,\"title\":\"old\"}\n", dir.File("out.jsonl") + "(1): the existing file's first row has the fields 'id,title', not 'id,name' of ", "the file lacks the column 'name'; the schema lacks the column 'title'");
    }

    [Fact]
    public async Task Fail_if_missing_appends_to_a_jsonl_with_the_same_fields_in_another_order()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", Input);
        dir.Write("out.jsonl", "{\"name\":\"old\",\"id\":9}\n");
        var pipeline = dir.Write("p.yaml", Pipeline("jsonl", "out.jsonl", "fail_if_missing", "append"));

        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("{\"name\":\"old\",\"id\":9}\n{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"b\"}\n", File.ReadAllText(dir.File("out.jsonl")));
    }

    [Fact]
    public async Task An_append_under_the_same_columns_in_another_order_is_refused_as_it_would_misplace_the_values()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", Input);
        dir.Write("out.csv", "name,id\r\nold,9\r\n");
        var pipeline = dir.Write("p.yaml", Pipeline("csv", "out.csv", "create_if_missing", "append"));

        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);

        Refused(run, dir.File("out.csv"), "name,id\r\nold,9\r\n", dir.File("out.csv") + "(1): the file to append to has the header 'name,id', not 'id,name' of ", "the same columns are in another order (name, id)");
    }

    [Fact]
    public async Task Drop_and_create_starts_a_new_file_even_when_appending_to_one_of_other_columns()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", Input);
        dir.Write("out.csv", "other\r\nx\r\n");
        var pipeline = dir.Write("p.yaml", Pipeline("csv", "out.csv", "drop_and_create", "append"));

        var first = await Aietl.RunAsync(dir.Path, "run", pipeline);
        var second = await Aietl.RunAsync(dir.Path, "run", pipeline);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());

        // Each run starts the file anew and forgets the checkpoint with it, so the second reads the source again.
        Assert.Equal("id,name\r\n1,a\r\n2,b\r\n", File.ReadAllText(dir.File("out.csv")));
    }

    // The run failed naming the file and what differs, and left the file as it was.
    private static void Refused(Aietl.Run run, string file, string content, params string[] messages)
    {
        Assert.True(run.ExitCode == 1, run.ToString());
        foreach (var message in messages)
        {
            Assert.Contains(message, run.Output + run.Error, StringComparison.Ordinal);
        }

        Assert.Equal(content, File.ReadAllText(file));
    }

    private static string Pipeline(string type, string path, string schemaMode, string writeMode) =>
        "pipeline:\n  name: file-schema-mode\n  source:\n    type: csv\n    config:\n      path: in.csv\n    state_file: state.json\n" +
        "    schema:\n      name: items\n      fields:\n        - name: id\n          type: integer\n        - name: name\n          type: string\n" +
        $"  destination:\n    type: {type}\n    config:\n      path: {path}\n      write_mode: {writeMode}\n    schema_mode: {schemaMode}\n";
}
