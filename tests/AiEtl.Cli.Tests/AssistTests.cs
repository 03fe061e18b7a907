using System.Text.Json;
using AiEtl.Assist;
using AiEtl.Csv;

namespace AiEtl.Cli.Tests;

/// <summary>
/// The optional language-model assistance (<see cref="SchemaAssistant"/>) on real CSV files with planted e-mails, cards,
/// SSNs and phones, through a deterministic in-process chat client; and <c>aietl schema infer --assist</c> through the
/// real process, which has no key here and so sends nothing.
/// </summary>
public sealed class AssistTests
{
    private static readonly string[] Planted = ["@", "4111", "5500", "555-0", "-45-", "219-09"];

    [Fact]
    public async Task The_prompt_holds_no_planted_sensitive_value_and_says_which_kind_was_masked()
    {
        using var dir = new TempDirectory();
        var (inference, scan) = Analyze(dir.Write("people.csv", People(30)));
        var client = new RecordingChatClient("""{"columns":[]}""");

        var result = await new SchemaAssistant(client, new AssistOptions { OnlyUnsure = false }).SuggestAsync(inference, scan, TestContext.Current.CancellationToken);

        var prompt = Assert.Single(client.Prompts);
        Assert.Equal(prompt, result.Prompt);
        foreach (var value in Planted)
        {
            Assert.DoesNotContain(value, prompt, StringComparison.Ordinal);
        }

        var columns = PromptColumns(prompt);
        Assert.Equal(["id", "email", "card", "ssn", "phone", "notes", "contact", "amount"], columns.Select(c => c.GetProperty("name").GetString()));
        Assert.All(MaskedValues(columns, "email"), v => Assert.Equal("[email]", v));
        Assert.All(MaskedValues(columns, "card"), v => Assert.Equal("[credit_card]", v));
        // Free text keeps its words; what the masker finds inside it is replaced.
        Assert.Contains(MaskedValues(columns, "notes"), v => v.StartsWith("reach me at [email] or [phone]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_prompt_keeps_to_its_caps_on_values_per_column_value_length_and_characters()
    {
        using var dir = new TempDirectory();
        var (inference, scan) = Analyze(dir.Write("people.csv", People(200)));
        var options = new AssistOptions { OnlyUnsure = false, MaxValuesPerColumn = 2, MaxValueLength = 12, MaxPromptCharacters = AssistPrompt.ColumnsInstruction.Length + 700 };
        var client = new RecordingChatClient("""{"columns":[]}""");

        var result = await new SchemaAssistant(client, options).SuggestAsync(inference, scan, TestContext.Current.CancellationToken);

        var prompt = Assert.Single(client.Prompts);
        Assert.True(prompt.Length <= options.MaxPromptCharacters, $"{prompt.Length} characters");
        var columns = PromptColumns(prompt);
        Assert.InRange(columns.Count, 1, 6);
        Assert.All(columns, c => Assert.InRange(c.GetProperty("masked_values").GetArrayLength(), 0, 2));
        Assert.All(columns.SelectMany(c => c.GetProperty("masked_values").EnumerateArray()), v => Assert.True(v.GetString()!.Length <= 13, v.GetString()));
        Assert.Contains(result.Problems, p => p.StartsWith("amount: not asked, the prompt reached its cap", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suggestions_are_parsed_labelled_with_the_model_and_never_applied_to_the_schema()
    {
        using var dir = new TempDirectory();
        var (inference, scan) = Analyze(dir.Write("people.csv", People(30)));
        var before = inference.Schema.Fields.Select(f => (f.Name, f.Description, f.Sensitive)).ToList();
        var client = new RecordingChatClient("""
            Here you are:
            ```json
            {"columns":[{"name":"amount","description":"The amount of the order, or a note when it was not known.","sensitive":"none","reason":"numbers and words"}]}
            ```
            """);

        var result = await new SchemaAssistant(client).SuggestAsync(inference, scan, TestContext.Current.CancellationToken);

        Assert.Equal(["contact", "amount"], PromptColumns(Assert.Single(client.Prompts)).Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(
            [
                new AssistSuggestion("amount", AssistSuggestionKind.Description, "The amount of the order, or a note when it was not known.", "model test-model", "numbers and words"),
                new AssistSuggestion("amount", AssistSuggestionKind.SensitiveKind, "none", "model test-model", "numbers and words"),
            ],
            result.Suggestions);
        Assert.Empty(result.Problems);
        Assert.Equal(before, inference.Schema.Fields.Select(f => (f.Name, f.Description, f.Sensitive)));
    }

    [Fact]
    public void Suggestions_print_as_comment_lines_with_their_source_and_a_model_line_break_stays_in_its_line()
    {
        var result = new AssistResult
        {
            Suggestions =
            [
                new AssistSuggestion("amount", AssistSuggestionKind.Description, "The \"amount\",\nor a note", "model test-model", "numbers and words"),
                new AssistSuggestion("contact", AssistSuggestionKind.SensitiveKind, "email", "model test-model"),
                new AssistSuggestion("Customer_ID", AssistSuggestionKind.FieldMapping, "customerId", "name match"),
            ],
            Problems = ["salary: not a column asked about; ignored"],
        };

        Assert.Equal(
            "# suggestions, not applied: copy into the field what you accept\n" +
            "#   amount: description: \"The 'amount', or a note\"  (model test-model: numbers and words)\n" +
            "#   contact: sensitive: email  (model test-model)\n" +
            "#   Customer_ID: maps to field: customerId  (name match)\n" +
            "# assist: salary: not a column asked about; ignored\n",
            AssistComments.Write(result));
    }

    [Theory]
    [InlineData("I cannot help with that.", "the answer holds no JSON object")]
    [InlineData("{\"columns\": [ {\"name\": \"amount\", ", "the answer is not valid JSON")]
    [InlineData("{\"answer\": []}", "the answer has no \"columns\" array")]
    [InlineData("{\"columns\":[{\"name\":\"salary\",\"description\":\"pay\"}]}", "salary: not a column asked about")]
    [InlineData("{\"columns\":[{\"name\":\"amount\",\"sensitive\":\"passport\"}]}", "amount: unknown sensitive kind 'passport'")]
    [InlineData("{\"columns\":[42]}", "an item of \"columns\" is not an object")]
    public async Task A_malformed_answer_is_reported_not_thrown_and_suggests_nothing(string answer, string problem)
    {
        using var dir = new TempDirectory();
        var (inference, scan) = Analyze(dir.Write("people.csv", People(30)));

        var result = await new SchemaAssistant(new RecordingChatClient(answer)).SuggestAsync(inference, scan, TestContext.Current.CancellationToken);

        Assert.Empty(result.Suggestions);
        Assert.Contains(result.Problems, p => p.StartsWith(problem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mapping_matches_names_first_and_asks_the_model_only_for_the_rest_with_names_alone()
    {
        var record = new Schema("customer", [new Field("customerId", FieldType.Integer), new Field("email", FieldType.String), new Field("full_name", FieldType.String), new Field("signup", FieldType.Date)]);
        var client = new RecordingChatClient("""{"mappings":[{"column":"Name","field":"full_name","reason":"a person's name"},{"column":"Joined","field":"joined_on"}]}""");

        var result = await new SchemaAssistant(client).MapColumnsAsync(["Customer_ID", "E-Mail", "Name", "Joined"], record, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                new AssistSuggestion("Customer_ID", AssistSuggestionKind.FieldMapping, "customerId", "name match"),
                new AssistSuggestion("E-Mail", AssistSuggestionKind.FieldMapping, "email", "name match"),
                new AssistSuggestion("Name", AssistSuggestionKind.FieldMapping, "full_name", "model test-model", "a person's name"),
            ],
            result.Suggestions);
        Assert.Contains(result.Problems, p => p.StartsWith("Joined: field 'joined_on' is not a field of the record left to map", StringComparison.Ordinal));
        var prompt = Assert.Single(client.Prompts);
        Assert.Contains("\"fields\":[\"full_name\",\"signup\"],\"columns\":[\"Name\",\"Joined\"]", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_that_names_settle_asks_no_model()
    {
        var client = new RecordingChatClient("{}");

        var result = await new SchemaAssistant(client).MapColumnsAsync(["ID", "email_address"], new Schema("r", [new Field("id", FieldType.Integer), new Field("EmailAddress", FieldType.String)]), TestContext.Current.CancellationToken);

        Assert.Equal(["id", "EmailAddress"], result.Suggestions.Select(s => s.Value));
        Assert.Empty(client.Prompts);
    }

    [Fact]
    public async Task Schema_infer_assist_is_off_without_a_key_and_the_printed_prompt_is_masked()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("people.csv", People(30));
        var noKey = new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "" };

        var off = await Aietl.RunAsync(dir.Path, noKey, "schema", "infer", file, "--assist");
        var prompt = await Aietl.RunAsync(dir.Path, noKey, "schema", "infer", file, "--assist-prompt");
        var plain = await Aietl.RunAsync(dir.Path, noKey, "schema", "infer", file);
        var json = await Aietl.RunAsync(dir.Path, noKey, "schema", "infer", file, "--output", "json", "--assist-prompt");

        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.Contains("--assist is off: set OPENAI_API_KEY", off.Error, StringComparison.Ordinal);
        Assert.Equal(plain.Output, off.Output);
        Assert.Equal(64, json.ExitCode);
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        Assert.StartsWith(plain.Output + "# the prompt --assist would send (nothing was sent):\n", prompt.Output, StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"amount\"", prompt.Output, StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"contact\"", prompt.Output, StringComparison.Ordinal);
        Assert.Contains("\"masked_values\":[\"ask at the desk\",\"[email]\"]", prompt.Output, StringComparison.Ordinal);
        foreach (var value in Planted)
        {
            Assert.DoesNotContain(value, prompt.Output[plain.Output.Length..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Scan_assist_prompt_follows_the_table_masked_and_json_output_refuses_it()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("people.csv", People(30));
        var noKey = new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "" };

        var prompt = await Aietl.RunAsync(dir.Path, noKey, "scan", file, "--assist-prompt");
        var off = await Aietl.RunAsync(dir.Path, noKey, "scan", file, "--output", "yaml", "--assist");
        var json = await Aietl.RunAsync(dir.Path, noKey, "scan", file, "--output", "json", "--assist");

        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        var table = prompt.Output[..prompt.Output.IndexOf("# the prompt --assist would send (nothing was sent):\n", StringComparison.Ordinal)];
        Assert.EndsWith("4 of 8 columns hold sensitive data\n", table, StringComparison.Ordinal);
        Assert.Contains("\"masked_values\":[\"ask at the desk\",\"[email]\"]", prompt.Output, StringComparison.Ordinal);
        foreach (var value in Planted)
        {
            Assert.DoesNotContain(value, prompt.Output[table.Length..], StringComparison.Ordinal);
        }

        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.Contains("--assist is off", off.Error, StringComparison.Ordinal);
        Assert.StartsWith("schema:\n", off.Output, StringComparison.Ordinal);
        Assert.Equal(64, json.ExitCode);
    }

    [Fact]
    public async Task Schema_infer_map_to_pairs_columns_with_the_pipelines_fields_by_name_without_a_model()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("export.csv", "Customer_ID,E-Mail,Joined\n1,a@example.com,2024-05-01\n");
        var pipeline = dir.Write("p.yaml", "pipeline:\n  name: load\n  source:\n    type: csv\n    config:\n      path: export.csv\n    schema:\n      name: customer\n      fields:\n        - { name: customerId, type: integer }\n        - { name: email, type: string, sensitive: email }\n        - { name: signup, type: date }\n  destination:\n    type: jsonl\n    config:\n      path: out.jsonl\n");
        var noKey = new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "" };

        var map = await Aietl.RunAsync(dir.Path, noKey, "schema", "infer", file, "--map-to", pipeline, "--assist");

        Assert.True(map.ExitCode == 0, map.ToString());
        Assert.Contains("--assist is off", map.Error, StringComparison.Ordinal);
        Assert.EndsWith(
            "# suggestions, not applied: copy into the field what you accept\n" +
            "#   Customer_ID: maps to field: customerId  (name match)\n" +
            "#   E-Mail: maps to field: email  (name match)\n" +
            "# assist: Joined: no field of customer has its name\n",
            map.Output,
            StringComparison.Ordinal);
    }

    // Planted e-mails, cards, SSNs and phones, in their own columns and inside free text; amount is unsure (words among
    // numbers), and so is contact for the scan (half its values are e-mails: under the threshold).
    private static string People(int rows) => "id,email,card,ssn,phone,notes,contact,amount\n" + string.Concat(Enumerable.Range(1, rows).Select(i =>
        $"{i},user{i}@example.com,{(i % 2 == 0 ? "4111 1111 1111 1111" : "5500-0000-0000-0004")},123-45-{6700 + i:0000},(415) 555-{100 + i:0000}," +
        $"\"reach me at user{i}@example.org or 415-555-{200 + i:0000}; card 4111 1111 1111 1111; ssn 219-09-{1000 + i}\",{(i % 2 == 0 ? $"desk{i}@example.net" : "ask at the desk")},{(i % 4 == 0 ? "lots" : (i * 3).ToString(System.Globalization.CultureInfo.InvariantCulture))}\n"));

    private static (SchemaInferenceResult Inference, IReadOnlyList<SensitiveColumn> Scan) Analyze(string file) =>
        (CsvSchemaInference.Analyze(new CsvSourceOptions(file)), SensitiveDataScanner.ScanCsv(new CsvSourceOptions(file)));

    // The JSON document after the instruction.
    private static List<JsonElement> PromptColumns(string prompt)
    {
        using var document = JsonDocument.Parse(prompt[(prompt.IndexOf("\n\n", StringComparison.Ordinal) + 2)..]);
        return [.. document.RootElement.GetProperty("columns").EnumerateArray().Select(c => c.Clone())];
    }

    private static List<string> MaskedValues(List<JsonElement> columns, string name) =>
        [.. columns.Single(c => c.GetProperty("name").GetString() == name).GetProperty("masked_values").EnumerateArray().Select(v => v.GetString()!)];
}
