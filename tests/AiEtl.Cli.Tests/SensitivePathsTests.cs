using System.Text.Json;

namespace AiEtl.Cli.Tests;

/// <summary>
/// <c>sensitive_paths</c> of a json field through the real tool and real files: the dead-letter row of a run keeps the
/// field's object readable but for the values at the paths (in objects, in arrays of objects, paths that never occur),
/// JSON text that cannot be read is masked whole, the scan's yaml pasted into a pipeline masks exactly the nested
/// values, and each configuration mistake is reported with its id, line and column.
/// </summary>
public sealed class SensitivePathsTests
{
    private const string People = """
        {"id": 1, "contact": {"email": "mary@example.com", "city": "Leeds", "name": "Mary Smith"}, "orders": [{"card": "4111 1111 1111 1111", "sku": "A1"}], "qty": 3}
        {"id": 2, "contact": {"email": "james@example.org", "city": "York", "name": "James Hill", "note": null}, "orders": [{"card": "5500-0000-0000-0004", "sku": "B2"}, {"sku": "C3"}, {"card": 6011000990139424}], "qty": "lots"}

        """;

    [Fact]
    public async Task Dead_letter_row_keeps_the_object_readable_but_none_of_the_values_at_its_paths()
    {
        using var dir = new TempDirectory();
        dir.Write("in.jsonl", People);
        var schema = """
            schema:
              fields:
                - { name: id, type: integer }
                - { name: contact, type: json, sensitive_paths: { email: email, name: other, "address.street": other } }
                - { name: orders, type: json, sensitive_paths: { "[].card": credit_card, "[].holder[\"first.name\"]": other } }
                - { name: qty, type: integer }
            """;

        var raw = await DeadLetterRawAsync(dir, "paths", "jsonl", "in.jsonl", schema);
        var plain = await DeadLetterRawAsync(dir, "plain", "jsonl", "in.jsonl", schema.Replace(", sensitive_paths: { email: email, name: other, \"address.street\": other }", "", StringComparison.Ordinal)
            .Replace(", sensitive_paths: { \"[].card\": credit_card, \"[].holder[\\\"first.name\\\"]\": other }", "", StringComparison.Ordinal));

        Assert.DoesNotContain("james@example.org", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("James Hill", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("5500-0000-0000-0004", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("6011000990139424", raw, StringComparison.Ordinal);
        using var row = JsonDocument.Parse(raw);
        var contact = row.RootElement.GetProperty("contact");
        Assert.Equal("j***@example.org", contact.GetProperty("email").GetString());
        Assert.Equal("***", contact.GetProperty("name").GetString());
        Assert.Equal("York", contact.GetProperty("city").GetString());
        Assert.Equal(JsonValueKind.Null, contact.GetProperty("note").ValueKind);
        var orders = row.RootElement.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(["***0004", null, "***9424"], orders.Select(o => o.TryGetProperty("card", out var card) ? card.GetString() : null));
        Assert.Equal(["B2", "C3", null], orders.Select(o => o.TryGetProperty("sku", out var sku) ? sku.GetString() : null));
        Assert.Equal("lots", row.RootElement.GetProperty("qty").GetString());

        // Without the paths the same row keeps them in clear: the masking above is the paths' doing.
        Assert.Contains("james@example.org", plain, StringComparison.Ordinal);
        Assert.Contains("5500-0000-0000-0004", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_json_column_is_masked_at_its_paths_and_json_text_that_cannot_be_read_is_masked_whole()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", """"
            qty,contact
            lots,"{""email"": ""mary@example.com"", ""city"": ""Leeds""}"
            many,"{""email"": ""james@example.org"", ""city"": ""York"""

            """");
        var schema = """
            schema:
              fields:
                - { name: qty, type: integer }
                - { name: contact, type: json, sensitive_paths: { email: email } }
            """;

        var dlq = await DeadLetterAsync(dir, "csvpaths", "csv", "in.csv", schema);

        Assert.Equal(2, dlq.Count);
        Assert.Equal("lots,\"{\"\"email\"\": \"\"m***@example.com\"\", \"\"city\"\": \"\"Leeds\"\"}\"", dlq[0].TrimEnd('\r', '\n'));
        Assert.DoesNotContain("james@example.org", dlq[1], StringComparison.Ordinal);
        Assert.DoesNotContain("York", dlq[1], StringComparison.Ordinal);
        Assert.Contains("***", dlq[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_output_yaml_pasted_into_a_pipeline_masks_exactly_the_nested_values()
    {
        using var dir = new TempDirectory();
        var sample = dir.Write("sample.jsonl", string.Concat(Enumerable.Range(1, 20).Select(i =>
            $"{{\"id\": {i}, \"contact\": {{\"email\": \"person{i}@example.com\", \"city\": \"Leeds\"}}, \"orders\": [{{\"card\": \"4111 1111 1111 1111\", \"sku\": \"A{i}\"}}], \"qty\": {i}}}\n")));
        dir.Write("in.jsonl", People);

        var scan = await Aietl.RunAsync(dir.Path, "scan", sample, "--output", "yaml");

        Assert.True(scan.ExitCode == 0, scan.ToString());
        Assert.Contains("- { name: contact, type: json, nullable: false, sensitive_paths: { email: email } }", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: orders, type: json, nullable: false, sensitive_paths: { \"[].card\": credit_card } }", scan.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("sensitive: other", scan.Output, StringComparison.Ordinal);
        var raw = await DeadLetterRawAsync(dir, "pasted", "jsonl", "in.jsonl", scan.Output);
        using var row = JsonDocument.Parse(raw);
        Assert.Equal("j***@example.org", row.RootElement.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("James Hill", row.RootElement.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal("York", row.RootElement.GetProperty("contact").GetProperty("city").GetString());
        Assert.Equal(["***0004", null, "***9424"], row.RootElement.GetProperty("orders").EnumerateArray().Select(o => o.TryGetProperty("card", out var card) ? card.GetString() : null));
        Assert.Equal("B2", row.RootElement.GetProperty("orders")[0].GetProperty("sku").GetString());
    }

    [Fact]
    public async Task Scan_output_yaml_keeps_sensitive_other_on_a_field_that_holds_a_sensitive_string_of_its_own_in_some_rows()
    {
        using var dir = new TempDirectory();
        var sample = dir.Write("sample.jsonl", string.Concat(Enumerable.Range(1, 20).Select(i => i % 2 == 0
            ? $"{{\"id\": {i}, \"contact\": {{\"email\": \"person{i}@example.com\"}}, \"orders\": [{{\"card\": \"4111 1111 1111 1111\"}}]}}\n"
            : $"{{\"id\": {i}, \"contact\": \"person{i}@example.com\", \"orders\": [{{\"card\": \"4111 1111 1111 1111\"}}]}}\n")));

        var scan = await Aietl.RunAsync(dir.Path, "scan", sample, "--output", "yaml");

        Assert.True(scan.ExitCode == 0, scan.ToString());
        Assert.Contains("- { name: contact, type: string, nullable: false, sensitive: other }", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: orders, type: json, nullable: false, sensitive_paths: { \"[].card\": credit_card } }", scan.Output, StringComparison.Ordinal);
        Assert.Contains("# contact: sensitive: other for contact, contact.email:", scan.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_reports_each_mistake_with_its_id_line_and_column()
    {
        using var dir = new TempDirectory();
        var pipeline = dir.Write("bad.yaml", """
            pipeline:
              name: badpaths
              source:
                type: jsonl
                config:
                  path: in.jsonl
                schema:
                  fields:
                    - { name: id, type: integer }
                    - { name: contact, type: json, sensitive_paths: { "a..b": email, "orders[0]": phone, city: emial } }
                    - { name: note, type: string, sensitive_paths: { x: other } }
                    - { name: both, type: json, sensitive: other, sensitive_paths: { x: other } }
              destination:
                type: jsonl
                config:
                  path: out.jsonl

            """);

        var run = await Aietl.RunAsync(dir.Path, "validate", pipeline);

        Assert.Equal(2, run.ExitCode);
        var text = run.Output + run.Error;
        Assert.Contains("bad.yaml(10,59): error AIETL1026: pipeline.source.schema.fields[1].sensitive_paths.a..b: 'a..b' is not a path inside a JSON field: an empty name", text, StringComparison.Ordinal);
        Assert.Contains("bad.yaml(10,74): error AIETL1026: pipeline.source.schema.fields[1].sensitive_paths.orders[0]: 'orders[0]' is not a path inside a JSON field: '[' starts '[]'", text, StringComparison.Ordinal);
        Assert.Contains("bad.yaml(10,100): error AIETL1008: pipeline.source.schema.fields[1].sensitive_paths.city: 'emial' is not allowed (did you mean 'email'?)", text, StringComparison.Ordinal);
        Assert.Contains("bad.yaml(11,56): error AIETL1027: pipeline.source.schema.fields[2].sensitive_paths: the field 'note' is string", text, StringComparison.Ordinal);
        Assert.Contains("bad.yaml(12,72): error AIETL1017: pipeline.source.schema.fields[3].sensitive_paths: 'sensitive' masks all of the field 'both'", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exported_schema_keeps_the_masking_and_masks_the_same_values_as_a_schema_file()
    {
        using var dir = new TempDirectory();
        dir.Write("in.jsonl", People);
        dir.Write("first.jsonl", People.Split('\n')[0] + "\n");
        var export = dir.Write("export.yaml", """
            pipeline:
              name: export
              source:
                type: jsonl
                config:
                  path: first.jsonl
                schema:
                  fields:
                    - { name: id, type: integer, sensitive: other }
                    - { name: contact, type: json, sensitive_paths: { email: email, name: other } }
                    - { name: orders, type: json, sensitive_paths: { "[].card": credit_card } }
                    - { name: qty, type: integer }
              destination:
                type: jsonl
                config:
                  path: out.jsonl
                  export_schema: true

            """);

        var exported = await Aietl.RunAsync(dir.Path, "run", export);
        Assert.True(exported.ExitCode == 0, exported.ToString());
        using (var schema = JsonDocument.Parse(File.ReadAllText(dir.File("out.schema.json"))))
        {
            var properties = schema.RootElement.GetProperty("properties");
            Assert.Equal("other", properties.GetProperty("id").GetProperty("x-sensitive").GetString());
            Assert.Equal("""{"email":"email","name":"other"}""", properties.GetProperty("contact").GetProperty("x-sensitive-paths").GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
        }

        // Read back as the schema of another pipeline, the file masks the dead-lettered row as the inline schema did.
        var raw = await DeadLetterRawAsync(dir, "from-file", "jsonl", "in.jsonl", "schema_file: out.schema.json\n");

        Assert.DoesNotContain("james@example.org", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("James Hill", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("5500-0000-0000-0004", raw, StringComparison.Ordinal);
        using var row = JsonDocument.Parse(raw);
        Assert.Equal("j***@example.org", row.RootElement.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("York", row.RootElement.GetProperty("contact").GetProperty("city").GetString());
        Assert.Equal("***", row.RootElement.GetProperty("id").GetString());
    }

    // The dead-letter entries' raw rows of a pipeline over `input` with the schema YAML pasted under source.
    private static async Task<List<string>> DeadLetterAsync(TempDirectory dir, string name, string type, string input, string schemaYaml)
    {
        var schema = string.Concat(schemaYaml.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => "    " + l + "\n"));
        var pipeline = dir.Write(name + ".yaml", $"pipeline:\n  name: {name}\n  source:\n    type: {type}\n    config:\n      path: {input}\n{schema}  destination:\n    type: jsonl\n    config:\n      path: {name}.jsonl\n  error_handling:\n    on_extract_error: skip\n    dead_letter_queue: {name}.dlq.jsonl\n");
        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);
        Assert.True(run.ExitCode == 0, run.ToString());
        return
        [
            .. File.ReadAllLines(dir.File(name + ".dlq.jsonl")).Select(line =>
            {
                using var entry = JsonDocument.Parse(line);
                return entry.RootElement.GetProperty("raw").GetString()!;
            }),
        ];
    }

    private static async Task<string> DeadLetterRawAsync(TempDirectory dir, string name, string type, string input, string schemaYaml) =>
        Assert.Single(await DeadLetterAsync(dir, name, type, input, schemaYaml));
}
