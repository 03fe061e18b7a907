using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AiEtl.Csv;
using AiEtl.Json;

namespace AiEtl.Tests.Files;

public sealed class FileDestinationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-dest-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Csv_output_is_rfc4180_with_invariant_values()
    {
        var path = Path.Combine(_directory, "people.csv");
        Person[] people = [new(1, "Smith, \"JJ\"", null, new DateOnly(1990, 2, 3), 12.5m), new(2, "two\nlines", 44, new DateOnly(2001, 12, 31), -3m)];

        var result = await WriteAsync(new CsvDestination<Person>(path), people);

        Assert.True(result.Success, result.Describe());
        Assert.Equal("id,name,age,born,balance\r\n1,\"Smith, \"\"JJ\"\"\",,1990-02-03,12.5\r\n2,\"two\nlines\",44,2001-12-31,-3\r\n", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Csv_delimiter_null_token_new_line_and_encoding_are_honoured()
    {
        var path = Path.Combine(_directory, "latin.csv");
        var options = new CsvDestinationOptions(path) { Delimiter = ';', NullValue = "\\N", NewLine = "\n", Encoding = Encoding.Latin1 };

        var result = await WriteAsync(new CsvDestination<Person>(options), [new Person(1, "Zoë;x", null, new DateOnly(2000, 1, 1), 1.5m)]);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(Encoding.Latin1.GetBytes("id;name;age;born;balance\n1;\"Zoë;x\";\\N;2000-01-01;1.5\n"), await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        var (read, rows) = await ReadPeopleAsync(new CsvSource<Person>(new CsvSourceOptions(path) { Delimiter = ';', NullValues = ["\\N"], Encoding = Encoding.Latin1 }));
        Assert.True(read.Success, read.Describe());
        Assert.Equal(new Person(1, "Zoë;x", null, new DateOnly(2000, 1, 1), 1.5m), Assert.Single(rows));
    }

    [Fact]
    public async Task Append_writes_no_second_header_and_refuses_a_file_with_other_columns()
    {
        var path = Path.Combine(_directory, "grow.csv");
        var options = new CsvDestinationOptions(path) { WriteMode = WriteMode.Append, NewLine = "\n" };
        await WriteAsync(new CsvDestination<Person>(options), [new Person(1, "a", 1, new DateOnly(2000, 1, 1), 1m)]);
        await File.AppendAllTextAsync(path, "2,b,2,2000-01-02,2", TestContext.Current.CancellationToken);

        var appended = await WriteAsync(new CsvDestination<Person>(options), [new Person(3, "c", 3, new DateOnly(2000, 1, 3), 3m)]);
        var other = Path.Combine(_directory, "other.csv");
        await File.WriteAllTextAsync(other, "id,name\n1,a\n", TestContext.Current.CancellationToken);
        var refused = await WriteAsync(new CsvDestination<Person>(options with { Path = other }), [new Person(4, "d", 4, new DateOnly(2000, 1, 4), 4m)]);

        Assert.True(appended.Success, appended.Describe());
        Assert.Equal("id,name,age,born,balance\n1,a,1,2000-01-01,1\n2,b,2,2000-01-02,2\n3,c,3,2000-01-03,3\n", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Contains("other.csv(1): the file to append to has the header 'id,name'", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
        Assert.Equal("id,name\n1,a\n", await File.ReadAllTextAsync(other, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_failed_run_leaves_the_previous_target_untouched_and_no_temp_file()
    {
        var source = Path.Combine(_directory, "in.csv");
        await File.WriteAllTextAsync(source, "id,name,age,born,balance\n" + string.Concat(Enumerable.Range(1, 50).Select(i => $"{i},n,1,2000-01-01,1\n")) + "51,n,x,2000-01-01,1\n", TestContext.Current.CancellationToken);
        var csv = Path.Combine(_directory, "out.csv.gz");
        var json = Path.Combine(_directory, "out.json");
        await File.WriteAllTextAsync(csv, "previous", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(json, "previous", TestContext.Current.CancellationToken);

        foreach (IDestination<Person> destination in new IDestination<Person>[] { new CsvDestination<Person>(csv), new JsonDestination<Person>(json) })
        {
            var result = await EtlPipeline.Create<Person>("fails")
                .From(new CsvSource<Person>(source))
                .To(destination)
                .WithOptions(new PipelineOptions { BatchSize = 10 })
                .RunAsync(TestContext.Current.CancellationToken);
            Assert.False(result.Success);
            Assert.True(result.RecordsLoaded >= 40);
        }

        Assert.Equal("previous", await File.ReadAllTextAsync(csv, TestContext.Current.CancellationToken));
        Assert.Equal("previous", await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        Assert.Empty(Directory.GetFiles(_directory, "*.aietl-tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_run_without_rows_completes_with_a_header_or_an_empty_array()
    {
        var csv = Path.Combine(_directory, "none.csv");
        var json = Path.Combine(_directory, "none.json");

        Assert.True((await WriteAsync(new CsvDestination<Person>(new CsvDestinationOptions(csv) { NewLine = "\n" }), [])).Success);
        Assert.True((await WriteAsync(new JsonDestination<Person>(json), [])).Success);

        Assert.Equal("id,name,age,born,balance\n", await File.ReadAllTextAsync(csv, TestContext.Current.CancellationToken));
        Assert.Equal("[]\n", await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("a.csv.xz", WriteMode.Replace, "xz compression cannot be written: no maintained .NET library writes xz here")]
    [InlineData("a.csv.zip", WriteMode.Append, "a zip archive cannot be appended to")]
    [InlineData("a.json.gz", WriteMode.Append, "appending to a compressed JSON array is refused")]
    public async Task Unsupported_combinations_are_clear_configuration_errors(string name, WriteMode mode, string message)
    {
        var path = Path.Combine(_directory, name);
        IDestination<Person> destination = name.Contains(".csv", StringComparison.Ordinal)
            ? new CsvDestination<Person>(new CsvDestinationOptions(path) { WriteMode = mode })
            : new JsonDestination<Person>(new JsonDestinationOptions(path) { WriteMode = mode });

        var result = await WriteAsync(destination, [new Person(1, "a", 1, new DateOnly(2000, 1, 1), 1m)]);

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(PipelineConfigurationException), error.ErrorType);
        Assert.Contains($"{name}: {message}", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_file_destination_refuses_to_merge_when_it_is_created()
    {
        var path = Path.Combine(_directory, "a.csv");

        var csv = Assert.Throws<PipelineConfigurationException>(() => new CsvDestination<Person>(new CsvDestinationOptions(path) { WriteMode = WriteMode.Merge }));
        var json = Assert.Throws<PipelineConfigurationException>(() => new JsonDestination<Person>(new JsonDestinationOptions(path) { WriteMode = WriteMode.Merge }));

        Assert.Contains("a file destination cannot write in Merge mode", csv.Message, StringComparison.Ordinal);
        Assert.Contains("WriteMode.Replace or WriteMode.Append", json.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Json_nests_json_fields_and_arrays_and_exports_the_schema()
    {
        var path = Path.Combine(_directory, "rows.json");
        var rows = FileTestData.Rows(3);

        var result = await FileTestData.WriteAsync(new JsonDestination<FileRow>(new JsonDestinationOptions(path) { Pretty = true, ExportSchema = true }), rows);

        Assert.True(result.Success, result.Describe());
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        var second = document.RootElement[1];
        Assert.Equal(JsonValueKind.Object, second.GetProperty("payload").ValueKind);
        Assert.Equal("a\"b", second.GetProperty("payload").GetProperty("deep").GetProperty("s").GetString());
        Assert.Equal(JsonValueKind.Array, second.GetProperty("tags").ValueKind);
        Assert.Equal(JsonValueKind.Number, second.GetProperty("amount").ValueKind);
        Assert.Equal("Silver", document.RootElement[0].GetProperty("tier").GetString());
        Assert.Contains("\n  \"id\": 1,", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var schema = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, "rows.schema.json"), TestContext.Current.CancellationToken));
        var root = schema.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.Equal("integer", root.GetProperty("properties").GetProperty("id").GetProperty("type").GetString());
        Assert.Equal(["string", "null"], root.GetProperty("properties").GetProperty("note").GetProperty("type").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("date", root.GetProperty("properties").GetProperty("day").GetProperty("format").GetString());
        Assert.Equal("string", root.GetProperty("properties").GetProperty("tags").GetProperty("items").GetProperty("type").GetString());
        Assert.Contains("id", root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("note", root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Schema_export_carries_the_constraints()
    {
        var schema = new Schema("orders", [
            new Field("qty", FieldType.Integer) { IsNullable = false, MinValue = 1, MaxValue = 100, Description = "how many" },
            new Field("code", FieldType.String) { Pattern = "^[A-Z]{3}$", AllowedValues = ["ABC", "XYZ"] },
        ]);

        using var document = JsonDocument.Parse(JsonSchemaExport.ToJson(schema));

        var qty = document.RootElement.GetProperty("properties").GetProperty("qty");
        Assert.Equal(1, qty.GetProperty("minimum").GetInt32());
        Assert.Equal(100, qty.GetProperty("maximum").GetInt32());
        Assert.Equal("how many", qty.GetProperty("description").GetString());
        var code = document.RootElement.GetProperty("properties").GetProperty("code");
        Assert.Equal("^[A-Z]{3}$", code.GetProperty("pattern").GetString());
        Assert.Equal(["ABC", "XYZ", null], code.GetProperty("enum").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetString()));
    }

    [Theory]
    [InlineData(".gz", "gzip")]
    [InlineData(".bz2", "bzip2")]
    [InlineData(".zst", "zstd")]
    public async Task Appended_compressed_files_are_read_whole_by_the_real_tools(string extension, string tool)
    {
        if (!File.Exists($"/usr/bin/{tool}"))
        {
            Assert.Skip($"{tool} is not installed");
        }

        var path = Path.Combine(_directory, $"log.jsonl{extension}");
        var options = new JsonDestinationOptions(path) { WriteMode = WriteMode.Append };
        await WriteAsync(new JsonDestination<Person>(options), [new Person(1, "a", 1, new DateOnly(2000, 1, 1), 1m)]);
        await WriteAsync(new JsonDestination<Person>(options), [new Person(2, "b", 2, new DateOnly(2000, 1, 2), 2m)]);

        var start = new ProcessStartInfo($"/usr/bin/{tool}", ["-dc", path]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(
            "{\"id\":1,\"name\":\"a\",\"age\":1,\"born\":\"2000-01-01\",\"balance\":1}\n{\"id\":2,\"name\":\"b\",\"age\":2,\"born\":\"2000-01-02\",\"balance\":2}\n",
            text);
    }

    [Fact]
    public async Task A_zip_holds_one_entry_named_after_the_file()
    {
        var path = Path.Combine(_directory, "people.csv.zip");

        await WriteAsync(new CsvDestination<Person>(new CsvDestinationOptions(path) { NewLine = "\n" }), [new Person(1, "a", 1, new DateOnly(2000, 1, 1), 1m)]);

        using var archive = ZipFile.OpenRead(path);
        var entry = Assert.Single(archive.Entries);
        Assert.Equal("people.csv", entry.FullName);
        using var reader = new StreamReader(entry.Open());
        Assert.Equal("id,name,age,born,balance\n1,a,1,2000-01-01,1\n", await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<PipelineResult> WriteAsync(IDestination<Person> destination, IEnumerable<Person> rows) =>
        await EtlPipeline.Create<Person>("write")
            .From(new EnumerableSource<Person>(rows))
            .To(destination)
            .RunAsync(TestContext.Current.CancellationToken);

    private static async Task<(PipelineResult Result, List<Person> Rows)> ReadPeopleAsync(ISource<Person> source)
    {
        var destination = new RecordingDestination<Person>();
        var result = await EtlPipeline.Create<Person>("read").From(source).To(destination).RunAsync(TestContext.Current.CancellationToken);
        return (result, destination.Committed);
    }
}
