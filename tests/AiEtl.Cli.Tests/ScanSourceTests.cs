using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AiEtl.Cli.Tests;

/// <summary>
/// <c>aietl scan</c> of JSON, JSON Lines, SQLite and PostgreSQL sources through the real process: each is built in the
/// test from a CSV file of the sensitive-data corpus, so the oracle is the scan of that CSV file.
/// </summary>
public sealed class ScanSourceTests
{
    private static readonly string Payments = Corpus("payments.csv");
    private static readonly string Customers = Corpus("customers.csv");

    [Fact]
    public async Task Scan_of_a_jsonl_file_and_its_gzip_finds_the_kinds_of_its_csv_twin_and_the_hard_negatives_stay_negative()
    {
        using var dir = new TempDirectory();
        var jsonl = dir.Write("payments.jsonl", string.Concat(Rows(Payments).Select(row => Object(row) + "\n")));
        var gzip = dir.File("payments.jsonl.gz");
        using (var file = File.Create(gzip))
        using (var compressed = new GZipStream(file, CompressionLevel.Fastest))
        {
            compressed.Write(File.ReadAllBytes(jsonl));
        }

        var expected = await KindsAsync(dir, Payments);
        var lines = await KindsAsync(dir, jsonl);
        var unzipped = await KindsAsync(dir, gzip);

        Assert.Equal(expected, lines);
        Assert.Equal(expected, unzipped);
        Assert.Contains(("card_number", "credit_card"), lines);
        Assert.Contains(("iban", "iban"), lines);
        // A 16-digit reference that fails Luhn, a 12-digit tracking number and an order number are codes, not people's data.
        Assert.Contains(("reference", null), lines);
        Assert.Contains(("tracking_no", null), lines);
        Assert.Contains(("order_number", null), lines);
    }

    [Fact]
    public async Task Scan_of_a_json_array_with_numbers_and_nested_values_finds_the_kinds_of_its_csv_twin()
    {
        using var dir = new TempDirectory();
        var rows = Rows(Customers);
        var json = dir.Write("customers.json", "[\n" + string.Join(",\n", rows.Select(row => Object(row, numbers: ["customer_id"]))) + "\n]\n");
        var nested = dir.Write("nested.json", "[" + string.Join(",", rows.Select(row => $"{{\"id\": 1, \"contact\": {{\"email\": {JsonSerializer.Serialize(row["email"])}}}}}")) + "]");

        var expected = await KindsAsync(dir, Customers);
        var array = await KindsAsync(dir, json);
        var text = await Aietl.RunAsync(dir.Path, "scan", nested);

        Assert.Equal(expected, array);
        Assert.Contains(("email", "email"), array);
        Assert.Contains(("date_of_birth", "date_of_birth"), array);
        // The e-mail addresses nested in an object are a column of their own (ScanNestedJsonTests has the rest).
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Matches(@"contact\.email\s+Email\s", text.Output);
        Assert.Contains("1 of 2 columns hold sensitive data", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_of_a_sqlite_pipeline_reads_its_table_through_the_source_and_finds_the_kinds_of_its_csv_twin()
    {
        using var dir = new TempDirectory();
        var database = dir.File("customers.db");
        var rows = Rows(Customers);
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString()))
        {
            connection.Open();
            Execute(connection, "CREATE TABLE customers (" + string.Join(", ", rows[0].Keys.Select(k => $"\"{k}\" {(k == "customer_id" ? "INTEGER" : "TEXT")}")) + ")");
            foreach (var row in rows)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO customers VALUES (" + string.Join(", ", row.Keys.Select((_, i) => "$v" + i)) + ")";
                var i = 0;
                foreach (var (name, value) in row)
                {
                    insert.Parameters.AddWithValue("$v" + i++, name == "customer_id" ? long.Parse(value, CultureInfo.InvariantCulture) : value.Length == 0 ? DBNull.Value : value);
                }

                insert.ExecuteNonQuery();
            }
        }

        var pipeline = dir.Write("scan-sqlite.yaml", "pipeline:\n  name: scan-sqlite\n  source:\n    type: sqlite\n    config:\n      path: customers.db\n      table: customers\n  destination:\n    type: jsonl\n    config:\n      path: out.jsonl\n");

        var expected = await KindsAsync(dir, Customers);
        var scanned = await KindsAsync(dir, pipeline);
        var yaml = await Aietl.RunAsync(dir.Path, "scan", pipeline, "--output", "yaml");

        Assert.Equal(expected, scanned);
        Assert.True(yaml.ExitCode == 0, yaml.ToString());
        Assert.Contains("- { name: customer_id, type: integer }", yaml.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: email, type: string, sensitive: email }", yaml.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_of_a_sqlite_pipeline_whose_database_is_missing_exits_1_naming_it()
    {
        using var dir = new TempDirectory();
        var pipeline = dir.Write("scan-missing.yaml", "pipeline:\n  name: scan-missing\n  source:\n    type: sqlite\n    config:\n      path: nowhere.db\n      table: customers\n  destination:\n    type: jsonl\n    config:\n      path: out.jsonl\n");

        var scan = await Aietl.RunAsync(dir.Path, "scan", pipeline);

        Assert.Equal(1, scan.ExitCode);
        Assert.Contains("nowhere.db: the SQLite database does not exist", scan.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", scan.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_of_a_postgres_pipeline_reads_its_table_and_finds_the_kinds_of_its_csv_twin()
    {
        var server = PostgresServer.ConnectionString();
        var table = "scan_customers_" + Guid.NewGuid().ToString("N")[..8];
        var rows = Rows(Customers);
        var values = string.Join(",\n", rows.Select(row => "(" + string.Join(", ", row.Select(v => v.Key == "customer_id" ? v.Value : v.Value.Length == 0 ? "NULL" : "'" + v.Value.Replace("'", "''", StringComparison.Ordinal) + "'")) + ")"));
        await PostgresServer.ExecuteAsync(server, $"CREATE TABLE {table} (" + string.Join(", ", rows[0].Keys.Select(k => $"\"{k}\" {(k == "customer_id" ? "integer" : "text")}")) + $");\nINSERT INTO {table} VALUES {values}");
        try
        {
            using var dir = new TempDirectory();
            var pipeline = dir.Write("scan-postgres.yaml", $"pipeline:\n  name: scan-postgres\n  source:\n    type: postgres\n    config:\n      host: ${{DB_HOST}}\n      port: ${{DB_PORT}}\n      database: ${{DB_NAME}}\n      username: ${{DB_USER}}\n      password: ${{DB_PASSWORD}}\n      table: {table}\n  destination:\n    type: jsonl\n    config:\n      path: out.jsonl\n");

            var expected = await KindsAsync(dir, Customers);
            var scanned = await KindsAsync(dir, pipeline, PostgresServer.Variables(server));

            Assert.Equal(expected, scanned);
        }
        finally
        {
            await PostgresServer.ExecuteAsync(server, $"DROP TABLE {table}");
        }
    }

    [Fact]
    public async Task Scan_output_yaml_of_a_pipeline_that_declares_its_schema_keeps_the_declaration_and_adds_sensitive()
    {
        using var dir = new TempDirectory();
        File.Copy(Customers, dir.File("customers.csv"));
        const string Schema = """
                schema:
                  name: customers
                  fields:
                    - { name: customer_id, type: integer, primary_key: true }
                    - { name: full_name, type: string, description: "as the customer typed it" }
                    - { name: email, type: string, nullable: false, pattern: "^[^@]+@[^@]+$" }
                    - { name: phone, type: string }
                    - { name: date_of_birth, type: date, min_value: "1900-01-01" }
                    - { name: street, type: string }
                    - { name: city, type: string, enum_values: [Austin, Leeds, Lyon, Berlin, Madrid, Amsterdam, Paris, London] }
                    - { name: zip, type: string }
                    - { name: signup_date, type: date }
                    - { name: last_login, type: timestamp }
                    - { name: country, type: string, sensitive: other }

            """;
        var pipeline = dir.Write("declared.yaml", Pipeline("declared", Schema));

        var scan = await Aietl.RunAsync(dir.Path, "scan", pipeline, "--output", "yaml");

        Assert.True(scan.ExitCode == 0, scan.ToString());
        Assert.StartsWith("schema:\n  name: customers\n  primary_key: [customer_id]\n  fields:\n", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: customer_id, type: integer, nullable: false }\n", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: full_name, type: string, sensitive: other, description: \"as the customer typed it\" }\n", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: email, type: string, nullable: false, sensitive: email, pattern: \"^[^@]+@[^@]+$\" }\n", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: phone, type: string, sensitive: phone }\n", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: date_of_birth, type: date, sensitive: other, min_value: \"1900-01-01\" }\n", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: city, type: string, enum_values: [Austin, Leeds, Lyon, Berlin, Madrid, Amsterdam, Paris, London] }\n", scan.Output, StringComparison.Ordinal);
        // The hard negatives stay as declared; the declaration's own sensitive: stays too.
        Assert.Contains("- { name: zip, type: string }\n", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: signup_date, type: date }\n", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: country, type: string, sensitive: other }\n", scan.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("# confidence", scan.Output, StringComparison.Ordinal);

        // Pasted back in place of the declaration, it is a valid pipeline, and scanning that gives the same schema.
        var pasted = dir.Write("pasted.yaml", Pipeline("pasted", string.Concat(scan.Output.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => "    " + l + "\n"))));
        var validate = await Aietl.RunAsync(dir.Path, "validate", pasted);
        var again = await Aietl.RunAsync(dir.Path, "scan", pasted, "--output", "yaml");
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Equal(scan.Output, again.Output);
    }

    [Fact]
    public async Task Scan_output_yaml_of_a_jsonl_pipeline_with_a_schema_file_prints_the_file_s_fields_with_sensitive()
    {
        using var dir = new TempDirectory();
        dir.Write("customers.jsonl", string.Concat(Rows(Customers).Select(row => Object(row, numbers: ["customer_id"]) + "\n")));
        dir.Write("customers.schema.json", """
            {"type": "object", "title": "customers", "properties": {"customer_id": {"type": "integer"}, "email": {"type": "string"}, "zip": {"type": "string"}}, "required": ["customer_id", "email"]}
            """);
        var pipeline = dir.Write("from-file.yaml", "pipeline:\n  name: from-file\n  source:\n    type: jsonl\n    config:\n      path: customers.jsonl\n    schema_file: customers.schema.json\n  destination:\n    type: jsonl\n    config:\n      path: out.jsonl\n");

        var scan = await Aietl.RunAsync(dir.Path, "scan", pipeline, "--output", "yaml");

        Assert.True(scan.ExitCode == 0, scan.ToString());
        Assert.Contains("- { name: customer_id, type: integer, nullable: false }\n", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: email, type: string, nullable: false, sensitive: email }\n", scan.Output, StringComparison.Ordinal);
        Assert.Contains("- { name: zip, type: string }\n", scan.Output, StringComparison.Ordinal);
        Assert.Contains("# 1 of 3 columns hold sensitive data", scan.Output, StringComparison.Ordinal);
        Assert.Contains("in place of schema_file", scan.Output, StringComparison.Ordinal);
    }

    // A CSV pipeline over customers.csv with the schema YAML (indented under source) given.
    private static string Pipeline(string name, string schema) =>
        $"pipeline:\n  name: {name}\n  source:\n    type: csv\n    config:\n      path: customers.csv\n{schema}  destination:\n    type: jsonl\n    config:\n      path: {name}.jsonl\n";

    [Fact]
    public async Task Scan_of_a_malformed_json_lines_file_exits_1_naming_the_file_and_its_line()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("broken.jsonl", "{\"email\": \"mary@example.com\"}\n{\"email\": \"james@example.org\"}\n{\"email\": oops}\n");

        var run = await Aietl.RunAsync(dir.Path, "scan", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("broken.jsonl(3)", run.Error, StringComparison.Ordinal);
        Assert.Contains("malformed JSON", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_infer_assist_prompt_of_a_jsonl_file_carries_the_scan_of_its_columns_and_no_planted_value()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("people.jsonl", string.Concat(Enumerable.Range(1, 30).Select(i =>
            $"{{\"id\": {i}, \"email\": \"user{i}@example.com\", \"contact\": \"{(i % 2 == 0 ? $"desk{i}@example.net" : "ask at the desk")}\", \"amount\": {(i % 4 == 0 ? "\"lots\"" : (i * 3).ToString(CultureInfo.InvariantCulture))}}}\n")));
        var noKey = new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "" };

        var plain = await Aietl.RunAsync(dir.Path, noKey, "schema", "infer", file);
        var prompt = await Aietl.RunAsync(dir.Path, noKey, "schema", "infer", file, "--assist-prompt");

        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        // Half e-mail addresses: the scan is unsure of the column, so the model is asked, with the addresses masked.
        Assert.Contains("{\"name\":\"contact\",\"inferred_type\":\"string\"", prompt.Output, StringComparison.Ordinal);
        Assert.Contains("\"scanner_kind\":\"email\",\"scanner_score\":\"0.50\",\"masked_values\":[\"ask at the desk\",\"[email]\"]", prompt.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("@", prompt.Output[plain.Output.Length..], StringComparison.Ordinal);
    }

    private static string Corpus(string file) => SensitiveCorpus.File(file);

    // Every (column, kind) of scan --output json, in order; a column that is not sensitive has no kind.
    private static async Task<List<(string Name, string? Kind)>> KindsAsync(TempDirectory dir, string target, IDictionary<string, string?>? environment = null)
    {
        var run = environment is null
            ? await Aietl.RunAsync(dir.Path, "scan", target, "--output", "json")
            : await Aietl.RunAsync(dir.Path, environment, "scan", target, "--output", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        return [.. document.RootElement.GetProperty("columns").EnumerateArray().Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("kind").GetString()))];
    }

    private static List<Dictionary<string, string>> Rows(string csv) => SensitiveCorpus.Rows(csv);

    // One row as a JSON object: the named columns as JSON numbers, the others as strings (an empty CSV value as null).
    private static string Object(Dictionary<string, string> row, IReadOnlyCollection<string>? numbers = null)
    {
        var text = new StringBuilder("{");
        foreach (var (name, value) in row)
        {
            text.Append(text.Length > 1 ? ", " : "").Append(JsonSerializer.Serialize(name)).Append(": ");
            text.Append(numbers?.Contains(name) == true ? value : value.Length == 0 ? "null" : JsonSerializer.Serialize(value));
        }

        return text.Append('}').ToString();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
