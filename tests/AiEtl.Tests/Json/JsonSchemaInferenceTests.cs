using AiEtl.Json;

namespace AiEtl.Tests.Json;

/// <summary>Schema inference from JSON and JSON Lines files, and the dynamic source it makes reading them back.</summary>
public sealed class JsonSchemaInferenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-jsoninfer-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Lines_give_fields_in_first_seen_order_with_json_and_text_types_and_missing_properties_as_nulls()
    {
        var path = Write("events.jsonl", """
            {"id": 1, "at": "2024-05-01T10:00:00Z", "day": "2024-05-01", "ok": true, "amount": 1.5, "code": "007", "meta": {"a": 1}}
            {"ID": 2, "at": "2024-05-02T11:00:00Z", "day": "2024-05-02", "ok": false, "amount": 2, "code": "012", "meta": [1, 2], "late": "x"}

            not json
            {"id": "3", "at": null, "day": "2024-05-03", "ok": "yes", "amount": "3.25", "code": "100", "meta": null}
            """);

        var schema = JsonSchemaInference.Infer(new JsonSourceOptions(path));

        Assert.Equal(["id", "at", "day", "ok", "amount", "code", "meta", "late"], schema.Fields.Select(f => f.Name));
        Assert.Equal(
            [FieldType.Integer, FieldType.Timestamp, FieldType.Date, FieldType.Boolean, FieldType.Float, FieldType.String, FieldType.Json, FieldType.String],
            schema.Fields.Select(f => f.Type));
        Assert.Equal([false, true, false, false, false, false, true, true], schema.Fields.Select(f => f.IsNullable));
        Assert.Equal(3, schema.SampleSize);
        Assert.Equal(2, schema.NullCounts!["late"]);
        Assert.All(schema.Fields.Take(5), f => Assert.Equal(1.0, f.Confidence));
        Assert.Equal(1.0, schema.Fields[5].Confidence!.Value, 10); // "100" alone reads as a number, but the leading zeros of the others say it is a code
    }

    [Fact]
    public void An_array_larger_than_the_read_buffer_is_sampled_object_by_object_up_to_the_sample_size()
    {
        var big = new string('x', 200_000); // one object longer than the 64 KiB chunk
        var objects = Enumerable.Range(1, 3000).Select(i => i == 10 ? $$"""{"id": {{i}}, "note": "{{big}}"}""" : $$"""{"id": {{i}}, "note": "n{{i}}"}""");
        var path = Write("rows.json", "[\n" + string.Join(",\n", objects) + "\n]");

        var sampled = JsonSchemaInference.Infer(new JsonSourceOptions(path), new SchemaInferenceOptions { SampleSize = 2500 });
        var all = JsonSchemaInference.Infer(new JsonSourceOptions(path), new SchemaInferenceOptions { SampleSize = 10_000 });

        Assert.Equal(2500, sampled.SampleSize);
        Assert.Equal(3000, all.SampleSize);
        Assert.Equal([FieldType.Integer, FieldType.String], all.Fields.Select(f => f.Type));
    }

    [Fact]
    public void A_broken_array_is_a_schema_error_naming_the_file_and_line()
    {
        var path = Write("broken.json", "[\n{\"id\": 1},\n{\"id\": 2,,}\n]");

        var error = Assert.Throws<SchemaException>(() => JsonSchemaInference.Infer(new JsonSourceOptions(path)));

        Assert.Equal(path, error.Location!.Source);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void A_file_without_objects_says_so()
    {
        var path = Write("empty.jsonl", "1\n\"a\"\n");

        var error = Assert.Throws<SchemaException>(() => JsonSchemaInference.Infer(new JsonSourceOptions(path)));

        Assert.Contains("no JSON object", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 lines are not JSON objects", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inferred_source_reads_every_row_with_its_types()
    {
        var path = Write("people.jsonl", """
            {"id": 1, "name": "a", "born": "2000-01-02", "balance": 10.5}
            {"id": 2, "name": null, "born": "2001-03-04", "balance": 3}
            """);
        var destination = new ListDestination<Record>();

        var result = await EtlPipeline.Create<Record>("infer-json").From(JsonSchemaInference.CreateSource(new JsonSourceOptions(path))).To(destination)
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(2, destination.Rows.Count);
        Assert.Equal(new DateOnly(2001, 3, 4), destination.Rows[1]["born"]);
        Assert.Null(destination.Rows[1]["name"]);
        Assert.Equal(3.0, destination.Rows[1]["balance"]);
        Assert.Equal(1L, destination.Rows[0]["id"]);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
