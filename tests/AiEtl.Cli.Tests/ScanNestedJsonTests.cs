using System.Text;
using System.Text.Json;

namespace AiEtl.Cli.Tests;

/// <summary>
/// <c>aietl scan</c> of JSON whose values are nested in objects and arrays, through the real process: each scalar is
/// scored in the column of its path (<c>contact.email</c>, <c>payments[].card_number</c>, <c>tags[]</c>). The oracle of
/// the corpus tests is the scan of a CSV file whose headers are those paths and whose values are the same.
/// </summary>
public sealed class ScanNestedJsonTests
{
    [Fact]
    public async Task Scan_of_customers_nested_in_objects_finds_each_kind_at_its_path_as_the_csv_named_by_the_paths_does()
    {
        using var dir = new TempDirectory();
        var layout = new (string? Parent, string Column)[]
        {
            (null, "customer_id"), ("person", "full_name"), ("person", "date_of_birth"), ("contact", "email"), ("contact", "phone"),
            ("address", "street"), ("address", "city"), ("address", "zip"), ("address", "country"), ("account", "signup_date"), ("account", "last_login"),
        };
        var rows = SensitiveCorpus.Rows(SensitiveCorpus.File("customers.csv"));
        var jsonl = dir.Write("customers.jsonl", string.Concat(rows.Select(row => Nested(row, layout, numbers: ["customer_id"]) + "\n")));
        var csv = dir.Write("customers-by-path.csv", CsvByPath(rows, layout, parent => parent + "."));

        var expected = await ColumnsAsync(dir, csv);
        var nested = await ColumnsAsync(dir, jsonl);

        Assert.Equal(expected.Select(c => (c.Name, c.Kind)), nested.Select(c => (c.Name, c.Kind)));
        Assert.Contains(("contact.email", "contact", "email"), nested.Select(c => (c.Name, c.Field, c.Kind)));
        Assert.Contains(("contact.phone", "phone"), nested.Select(c => (c.Name, c.Kind)));
        Assert.Contains(("person.full_name", "person_name"), nested.Select(c => (c.Name, c.Kind)));
        Assert.Contains(("person.date_of_birth", "date_of_birth"), nested.Select(c => (c.Name, c.Kind)));
        Assert.Contains(("address.street", "street_address"), nested.Select(c => (c.Name, c.Kind)));

        // Postal codes alone and dates that are not births stay negative when nested.
        Assert.Contains(("address.zip", null), nested.Select(c => (c.Name, c.Kind)));
        Assert.Contains(("account.signup_date", null), nested.Select(c => (c.Name, c.Kind)));
    }

    [Fact]
    public async Task Scan_of_payments_in_an_array_of_objects_finds_the_cards_and_ibans_and_the_hard_negatives_stay_negative()
    {
        using var dir = new TempDirectory();
        var layout = new (string? Parent, string Column)[]
        {
            (null, "payment_id"), ("payments", "card_number"), ("payments", "iban"), ("payments", "amount"), ("payments", "reference"),
            ("basket", "order_number"), ("basket", "sku"), ("shipping", "tracking_no"), (null, "cardholder"), (null, "paid_at"),
        };
        var rows = SensitiveCorpus.Rows(SensitiveCorpus.File("payments.csv"));
        var json = dir.Write("payments.json", "[\n" + string.Join(",\n", rows.Select(row => Nested(row, layout, numbers: [], arrays: ["payments"]))) + "\n]\n");
        var csv = dir.Write("payments-by-path.csv", CsvByPath(rows, layout, parent => parent == "payments" ? "payments[]." : parent + "."));

        var expected = await ColumnsAsync(dir, csv);
        var nested = await ColumnsAsync(dir, json);

        Assert.Equal(expected.Select(c => (c.Name, c.Kind)), nested.Select(c => (c.Name, c.Kind)));
        Assert.Contains(("payments[].card_number", "payments", "credit_card"), nested.Select(c => (c.Name, c.Field, c.Kind)));
        Assert.Contains(("payments[].iban", "payments", "iban"), nested.Select(c => (c.Name, c.Field, c.Kind)));

        // A 16-digit reference that fails Luhn beside the cards, a tracking number, an order number and a SKU are codes.
        Assert.Contains(("payments[].reference", null), nested.Select(c => (c.Name, c.Kind)));
        Assert.Contains(("shipping.tracking_no", null), nested.Select(c => (c.Name, c.Kind)));
        Assert.Contains(("basket.order_number", null), nested.Select(c => (c.Name, c.Kind)));
        Assert.Contains(("basket.sku", null), nested.Select(c => (c.Name, c.Kind)));
    }

    [Fact]
    public async Task Scan_flattens_arrays_of_scalars_deep_objects_odd_names_and_a_property_that_is_a_string_in_some_lines_and_an_object_in_others()
    {
        using var dir = new TempDirectory();
        var lines = Enumerable.Range(1, 20).Select(i => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = i,
            ["emails"] = new[] { $"user{i}@example.com", $"alt{i}@example.org" },
            ["tags"] = new[] { "vip", "new" },
            ["contact"] = i % 2 == 1 ? (object)$"desk{i}@example.net" : new Dictionary<string, object?> { ["email"] = $"home{i}@example.net", ["fax"] = null },
            ["profile"] = new { a = new { b = new { c = new { d = new { e = new { mail = $"deep{i}@example.com" } } } } } },
            ["purchase"] = new { isbn = "978-0-306-40615-7", uuid = $"{i:00000000}-0000-4000-8000-000000000000", ordered_at = "2024-05-01T10:00:00Z", code = $"SKU-{i}" },
            ["refs"] = new[] { new { id = "7863583077333286" } },
            ["odd.key"] = new Dictionary<string, string> { ["x.y"] = $"ann{i}@example.com" },
        }));
        var file = dir.Write("shapes.jsonl", string.Join("\n", lines) + "\n{\"id\": 21, \"contact\": {\"email\": /* the source skips comments */ \"desk21@example.net\"}}\n");

        var columns = (await ColumnsAsync(dir, file)).ToDictionary(c => c.Name, StringComparer.Ordinal);

        Assert.Equal(
            ["id", "emails[]", "tags[]", "contact", "contact.email", "profile.a.b.c.d.e.mail", "purchase.isbn", "purchase.uuid", "purchase.ordered_at", "purchase.code", "refs[].id", "odd.key[\"x.y\"]"],
            columns.Keys);

        // Every element of an array is a value of its column: two addresses a line.
        Assert.Equal(("emails", "email", 40), (columns["emails[]"].Field, columns["emails[]"].Kind, columns["emails[]"].Values));
        Assert.Null(columns["tags[]"].Kind);

        // The lines where contact is a string and those where it is an object are two columns of the same field.
        Assert.Equal(("contact", "email", 10), (columns["contact"].Field, columns["contact"].Kind, columns["contact"].Values));
        Assert.Equal(("contact", "email", 11), (columns["contact.email"].Field, columns["contact.email"].Kind, columns["contact.email"].Values));
        Assert.Equal(("profile", "email"), (columns["profile.a.b.c.d.e.mail"].Field, columns["profile.a.b.c.d.e.mail"].Kind));
        Assert.Equal(("odd.key", "email"), (columns["odd.key[\"x.y\"]"].Field, columns["odd.key[\"x.y\"]"].Kind));
        Assert.All(["purchase.isbn", "purchase.uuid", "purchase.ordered_at", "purchase.code", "refs[].id"], name => Assert.Null(columns[name].Kind));
    }

    [Fact]
    public async Task Scan_output_yaml_masks_the_paths_of_the_values_nested_in_a_json_field_and_the_run_masks_them_in_dead_letter_rows()
    {
        using var dir = new TempDirectory();
        var sample = dir.Write("sample.jsonl", string.Concat(Enumerable.Range(1, 20).Select(i =>
            $"{{\"id\": {i}, \"contact\": {{\"email\": \"person{i}@example.com\", \"phone\": \"+44 20 7946 {i:0000}\"}}, \"cards\": [{{\"number\": \"4111 1111 1111 1111\"}}], \"aliases\": [\"p{i}@work.example\"], \"tags\": [\"a\"], \"qty\": {i}}}\n")));
        dir.Write("in.jsonl", """
            {"id": 1, "contact": {"email": "mary@example.com", "phone": "+44 20 7946 0001"}, "cards": [{"number": "4111 1111 1111 1111"}], "aliases": ["m@work.example"], "tags": ["a"], "qty": 3}
            {"id": 2, "contact": {"email": "james@example.org", "phone": "+44 20 7946 0002"}, "cards": [{"number": "5500-0000-0000-0004"}], "aliases": ["jh@work.example"], "tags": ["b"], "qty": "lots"}

            """);

        var scan = await Aietl.RunAsync(dir.Path, "scan", sample, "--output", "yaml");
        var infer = await Aietl.RunAsync(dir.Path, "schema", "infer", sample);

        Assert.True(scan.ExitCode == 0, scan.ToString());
        Assert.Contains("- { name: contact, type: json, nullable: false, sensitive_paths: { email: email, phone: phone } }", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: cards, type: json, nullable: false, sensitive_paths: { \"[].number\": credit_card } }", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: aliases, type: json, nullable: false, sensitive_paths: { \"[]\": email } }", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: tags, type: json, nullable: false }", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: qty, type: integer, nullable: false }", scan.Output, StringComparison.Ordinal);
        Assert.Contains("# 4 of 7 columns hold sensitive data", scan.Output, StringComparison.Ordinal);
        Assert.Contains("# contact.email: email, nested in contact: sensitive_paths (Email: 100 % of 20 values match", scan.Output, StringComparison.Ordinal);
        Assert.Contains("# cards[].number: credit_card, nested in cards: sensitive_paths (", scan.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("sensitive: other", scan.Output, StringComparison.Ordinal);

        // schema infer names the same fields, with the same types: the source binds top-level properties, nested ones are JSON.
        Assert.True(infer.ExitCode == 0, infer.ToString());
        Assert.Contains("- { name: contact, type: json, nullable: false }", infer.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: cards, type: json, nullable: false }", infer.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("contact.email", infer.Output, StringComparison.Ordinal);

        // The row with qty "lots" is dead-lettered: with the pasted schema the values at the paths are masked, the rest of
        // each object kept; without the paths they are in clear.
        var masked = await RunWithSchemaAsync(dir, "masked", scan.Output);
        var plain = await RunWithSchemaAsync(dir, "plain", System.Text.RegularExpressions.Regex.Replace(scan.Output, ", sensitive_paths: \\{[^}]*\\}", ""));
        Assert.DoesNotContain("james@example.org", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("5500-0000-0000-0004", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("jh@work.example", masked, StringComparison.Ordinal);
        Assert.Contains("\\\"contact\\\": {\\\"email\\\": \\\"j***@example.org\\\", \\\"phone\\\": \\\"***02\\\"}", masked, StringComparison.Ordinal);
        Assert.Contains("lots", masked, StringComparison.Ordinal);
        Assert.Contains("james@example.org", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_of_a_jsonl_pipeline_that_declares_its_schema_flattens_the_declared_json_field_and_adds_its_paths()
    {
        using var dir = new TempDirectory();
        dir.Write("people.jsonl", string.Concat(Enumerable.Range(1, 20).Select(i =>
            $"{{\"id\": {i}, \"contact\": {{\"email\": \"person{i}@example.com\", \"city\": \"Leeds\"}}, \"note\": \"n{i}\"}}\n")));
        var pipeline = dir.Write("declared.yaml", """
            pipeline:
              name: declared
              source:
                type: jsonl
                config:
                  path: people.jsonl
                schema:
                  name: people
                  fields:
                    - { name: id, type: integer }
                    - { name: contact, type: json, description: "how to reach them" }
              destination:
                type: jsonl
                config:
                  path: out.jsonl

            """);

        var columns = await ColumnsAsync(dir, pipeline);
        var yaml = await Aietl.RunAsync(dir.Path, "scan", pipeline, "--output", "yaml");

        Assert.Equal([("id", null), ("contact.email", "email"), ("contact.city", null)], columns.Select(c => (c.Name, c.Kind)));
        Assert.True(yaml.ExitCode == 0, yaml.ToString());
        Assert.Contains("- { name: contact, type: json, sensitive_paths: { email: email }, description: \"how to reach them\" }", yaml.Output, StringComparison.Ordinal);
        Assert.Contains("# contact.email: email, nested in contact: sensitive_paths (", yaml.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assist_prompt_of_a_field_with_names_nested_in_some_lines_sends_their_kind_and_none_of_its_json_text()
    {
        using var dir = new TempDirectory();
        string[] names = ["Mary Okafor", "James Haddad", "Siobhan Garcia", "Noah Schmidt"];
        var file = dir.Write("people.jsonl", string.Concat(Enumerable.Range(1, 30).Select(i =>
            $"{{\"id\": {i}, \"contact\": {(i % 2 == 0 ? $"{{\"name\": \"{names[i % 4]}\"}}" : "\"ask at the desk\"")}}}\n")));
        var noKey = new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "" };

        var plain = await Aietl.RunAsync(dir.Path, noKey, "schema", "infer", file);
        var infer = await Aietl.RunAsync(dir.Path, noKey, "schema", "infer", file, "--assist-prompt");
        var scan = await Aietl.RunAsync(dir.Path, noKey, "scan", file, "--assist-prompt");

        // contact is half objects: the inference is unsure of it, so the model is asked, with the kind nested in it and no value.
        Assert.True(infer.ExitCode == 0, infer.ToString());
        Assert.True(scan.ExitCode == 0, scan.ToString());
        foreach (var prompt in new[] { infer.Output[plain.Output.Length..], scan.Output })
        {
            Assert.Contains("{\"name\":\"contact\",\"inferred_type\":\"string\"", prompt, StringComparison.Ordinal);
            Assert.Contains("\"scanner_kind\":\"person_name\"", prompt, StringComparison.Ordinal);
            Assert.Contains("\"masked_values\":[\"[person_name]\"]", prompt, StringComparison.Ordinal);
            Assert.DoesNotContain("Okafor", prompt, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Scan_of_nested_json_that_is_malformed_exits_1_naming_the_file_and_the_line()
    {
        using var dir = new TempDirectory();
        var lines = dir.Write("broken.jsonl", "{\"contact\": {\"email\": \"mary@example.com\"}}\n\n{\"contact\": {\"email\": oops}}\n");
        var array = dir.Write("broken.json", "[\n  {\"id\": 1, \"contact\": {\"email\": \"mary@example.com\"}},\n  {\"id\": 2,\n   \"contact\": {\"email\": oops}}\n]\n");

        var fromLines = await Aietl.RunAsync(dir.Path, "scan", lines);
        var fromArray = await Aietl.RunAsync(dir.Path, "scan", array);

        Assert.Equal(1, fromLines.ExitCode);
        Assert.Contains("broken.jsonl(3) row 2: malformed JSON", fromLines.Error, StringComparison.Ordinal);
        Assert.Equal(1, fromArray.ExitCode);
        Assert.Contains("broken.json(4): the file is not valid JSON", fromArray.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", fromLines.Error + fromArray.Error, StringComparison.Ordinal);
    }

    private sealed record Column(string Name, string Field, string? Kind, int Values);

    // Every column of scan --output json, in order.
    private static async Task<List<Column>> ColumnsAsync(TempDirectory dir, string target)
    {
        var run = await Aietl.RunAsync(dir.Path, "scan", target, "--output", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        return
        [
            .. document.RootElement.GetProperty("columns").EnumerateArray().Select(c => new Column(
                c.GetProperty("name").GetString()!, c.GetProperty("field").GetString()!, c.GetProperty("kind").GetString(), c.GetProperty("values").GetInt32())),
        ];
    }

    // One row as a JSON object whose columns sit under their parents (an object, or an array of one object), in layout order.
    private static string Nested(Dictionary<string, string> row, (string? Parent, string Column)[] layout, string[] numbers, string[]? arrays = null)
    {
        var text = new StringBuilder("{");
        foreach (var group in layout.GroupBy(l => l.Parent))
        {
            if (group.Key is null)
            {
                foreach (var (_, column) in group)
                {
                    text.Append(text.Length > 1 ? ", " : "").Append(Property(column, row[column], numbers));
                }

                continue;
            }

            var inner = string.Join(", ", group.Select(l => Property(l.Column, row[l.Column], numbers)));
            var array = arrays?.Contains(group.Key) == true;
            text.Append(text.Length > 1 ? ", " : "").Append(JsonSerializer.Serialize(group.Key)).Append(": ").Append(array ? "[{" : "{").Append(inner).Append(array ? "}]" : "}");
        }

        return text.Append('}').ToString();
    }

    private static string Property(string name, string value, string[] numbers) =>
        JsonSerializer.Serialize(name) + ": " + (numbers.Contains(name) ? value : value.Length == 0 ? "null" : JsonSerializer.Serialize(value));

    // The same rows as a CSV file whose headers are the paths, in the order the nested file's columns come.
    private static string CsvByPath(List<Dictionary<string, string>> rows, (string? Parent, string Column)[] layout, Func<string, string> prefix)
    {
        var ordered = layout.GroupBy(l => l.Parent).SelectMany(g => g).ToList();
        var text = new StringBuilder(string.Join(",", ordered.Select(l => Quoted((l.Parent is null ? "" : prefix(l.Parent)) + l.Column))) + "\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(",", ordered.Select(l => Quoted(row[l.Column])))).Append('\n');
        }

        return text.ToString();
    }

    private static string Quoted(string value) =>
        value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    // Runs a pipeline over in.jsonl with the schema YAML pasted under source, and returns its dead-letter file.
    private static async Task<string> RunWithSchemaAsync(TempDirectory dir, string name, string schemaYaml)
    {
        var schema = string.Concat(schemaYaml.Split('\n').Where(l => l.Length > 0).Select(l => "    " + l + "\n"));
        var pipeline = dir.Write(name + ".yaml", $"pipeline:\n  name: {name}\n  source:\n    type: jsonl\n    config:\n      path: in.jsonl\n{schema}  destination:\n    type: jsonl\n    config:\n      path: {name}.jsonl\n  error_handling:\n    on_extract_error: skip\n    dead_letter_queue: {name}.dlq.jsonl\n");
        var run = await Aietl.RunAsync(dir.Path, "run", pipeline);
        Assert.True(run.ExitCode == 0, run.ToString());
        return File.ReadAllText(dir.File(name + ".dlq.jsonl"));
    }
}
