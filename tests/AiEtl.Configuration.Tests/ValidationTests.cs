using AiEtl.Configuration.Diagnostics;
using AiEtl.Configuration.Model;

namespace AiEtl.Configuration.Tests;

/// <summary>Checks beyond the one-problem corpus: several problems at once, enums, cross-key rules, overrides, schema files.</summary>
public sealed class ValidationTests
{
    private static PipelineLoadResult Load(TempDirectory dir, string yaml, PipelineLoadOptions? options = null) =>
        PipelineConfigurationLoader.Load(dir.Write("p.yaml", yaml), options ?? TestEnvironment.Options());

    private static List<(string Id, int Line, int Column)> Found(PipelineLoadResult result) =>
        [.. result.Diagnostics.Select(d => (d.Id, d.Position.Line, d.Position.Column))];

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        using var dir = new TempDirectory();
        var result = Load(dir, """
            pipeline:
              name: ab
              execution:
                batch_size: 0
                retry_policy:
                  max_retries: -1
              source:
                type: csv
                config:
                  path: a.csv
                  compression: gz
              transforms:
                - type: deduplicator
                  config:
                    strategy: keep_frist
              destination:
                type: sqlite
                config:
                  path: out.db
                  writemode: append
              error_handling:
                on_load_error: ignore
            """);

        Assert.Equal(
            [("AIETL1007", 2, 9), ("AIETL1007", 4, 17), ("AIETL1007", 6, 20), ("AIETL1008", 11, 20), ("AIETL1009", 15, 9), ("AIETL1008", 15, 19), ("AIETL1005", 20, 7), ("AIETL1008", 22, 20)],
            Found(result));
        Assert.Contains("'gz' is not allowed (did you mean 'gzip'?); the values are 'none', 'gzip', 'zip', 'bzip2', 'xz', 'zstd'", result.Diagnostics[3].Message, StringComparison.Ordinal);
        Assert.Contains("'key_fields'", result.Diagnostics[4].Message, StringComparison.Ordinal);
        Assert.Contains("(did you mean 'keep_first'?)", result.Diagnostics[5].Message, StringComparison.Ordinal);
        Assert.Contains("(did you mean 'write_mode'?)", result.Diagnostics[6].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_key_does_not_hide_other_problems()
    {
        var result = PipelineConfigurationLoader.Load(RepoPaths.Bad("duplicate-key.yaml"), TestEnvironment.Options());
        Assert.Equal([("AIETL1003", 11, 3)], Found(result));
    }

    [Fact]
    public void Good_corpus_files_have_no_diagnostics()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Corpus("good"), "*.yaml"))
        {
            var result = PipelineConfigurationLoader.Load(file, TestEnvironment.Options(("PG_PASSWORD", "x")));
            Assert.True(result.Diagnostics.Count == 0, file + "\n" + string.Join("\n", result.Diagnostics));
        }
    }

    [Fact]
    public void Database_source_needs_table_or_query_and_not_both()
    {
        using var dir = new TempDirectory();
        var both = Load(dir, "pipeline:\n  name: both\n  source:\n    type: sqlite\n    config:\n      path: a.db\n      table: t\n      query: SELECT 1\n  destination:\n    type: csv\n    config:\n      path: o.csv\n");
        var neither = Load(dir, "pipeline:\n  name: neither\n  source:\n    type: sqlite\n    config:\n      path: a.db\n  destination:\n    type: csv\n    config:\n      path: o.csv\n");

        Assert.Equal([("AIETL1017", 8, 14)], Found(both));
        Assert.Equal([("AIETL1017", 6, 7)], Found(neither));
    }

    [Fact]
    public void A_sqlite_page_size_is_a_power_of_two_within_sqlites_range()
    {
        using var dir = new TempDirectory();
        static string Yaml(string pageSize) => "pipeline:\n  name: pages\n  source:\n    type: csv\n    config:\n      path: a.csv\n  destination:\n    type: sqlite\n    config:\n      path: o.db\n      page_size: " + pageSize + "\n";

        var notPowerOfTwo = Load(dir, Yaml("3000"));
        Assert.Equal([("AIETL1022", 11, 18)], Found(notPowerOfTwo));
        Assert.Contains("power of two", notPowerOfTwo.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal([("AIETL1007", 11, 18)], Found(Load(dir, Yaml("256"))));
        Assert.Equal([("AIETL1007", 11, 18)], Found(Load(dir, Yaml("131072"))));
        Assert.Empty(Found(Load(dir, Yaml("8192"))));
        Assert.Empty(Found(Load(dir, Yaml("65536"))));
    }

    [Fact]
    public void Postgres_needs_a_database_from_the_file_a_connection_string_or_db_name()
    {
        using var dir = new TempDirectory();
        const string Yaml = "pipeline:\n  name: pg-db\n  source:\n    type: csv\n    config:\n      path: a.csv\n  destination:\n    type: postgres\n    config:\n      table: t\n";

        Assert.Equal([("AIETL1009", 10, 7)], Found(Load(dir, Yaml)));
        Assert.Empty(Found(Load(dir, Yaml, TestEnvironment.Options(("DB_NAME", "etl")))));
    }

    [Fact]
    public void Field_names_are_checked_against_the_declared_schema_everywhere()
    {
        using var dir = new TempDirectory();
        var result = Load(dir, """
            pipeline:
              name: fields
              source:
                type: sqlite
                config:
                  path: a.db
                  table: t
                  cursor_column: updated
                schema:
                  fields:
                    - { name: id, type: integer, primary_key: true }
                    - { name: updated_at, type: timestamp }
                    - { name: age, type: integer }
              transforms:
                - type: null_remover
                  config:
                    strategy: impute
                    fields: [agee]
                    impute: { age: constant, size: mean }
              destination:
                type: sqlite
                config:
                  path: o.db
                  primary_key: [ident]
            """);

        Assert.Equal(
            [("AIETL1015", 8, 22), ("AIETL1015", 18, 18), ("AIETL1009", 19, 19), ("AIETL1015", 19, 34), ("AIETL1015", 24, 21)],
            Found(result));
        Assert.Contains("(did you mean 'updated_at'?)", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_is_fine_with_a_primary_key_from_the_schema_or_the_destination()
    {
        using var dir = new TempDirectory();
        const string Head = "pipeline:\n  name: merge\n  source:\n    type: csv\n    config:\n      path: a.csv\n";
        var fromDestination = Load(dir, Head + "  destination:\n    type: sqlite\n    config:\n      path: o.db\n      write_mode: merge\n      primary_key: id\n");
        var fromSchema = Load(dir, Head + "    schema:\n      fields:\n        - { name: id, type: integer, primary_key: true }\n  destination:\n    type: sqlite\n    config:\n      path: o.db\n      write_mode: merge\n");
        var fileMerge = Load(dir, Head + "  destination:\n    type: csv\n    config:\n      path: o.csv\n      write_mode: merge\n");

        Assert.Empty(fromDestination.Diagnostics);
        Assert.Equal(["id"], fromDestination.Configuration!.Destination.Adapter.Config.GetList("primary_key"));
        Assert.Empty(fromSchema.Diagnostics);
        Assert.Equal([("AIETL1008", 11, 19)], Found(fileMerge));
    }

    [Fact]
    public void Schema_problems_are_reported()
    {
        using var dir = new TempDirectory();
        var result = Load(dir, """
            pipeline:
              name: schema
              source:
                type: csv
                config:
                  path: a.csv
                schema:
                  fields:
                    - { name: id, type: integer, primary_key: true, nullable: true }
                    - { name: ID, type: int }
                    - { name: email, type: string, pattern: "[a-z" }
                schema_file: rows.schema.json
              destination:
                type: jsonl
                config:
                  path: o.jsonl
            """);

        Assert.Equal([("AIETL1022", 9, 67), ("AIETL1022", 10, 19), ("AIETL1008", 10, 29), ("AIETL1022", 11, 49), ("AIETL1017", 12, 18)], Found(result));
        Assert.Contains("(did you mean 'integer'?)", result.Diagnostics[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_file_gives_the_fields()
    {
        using var dir = new TempDirectory();
        dir.Write("rows.schema.json", """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "customers",
              "type": "object",
              "properties": {
                "id": { "type": "integer" },
                "email": { "type": ["string", "null"], "pattern": "@" },
                "signup": { "type": "string", "format": "date" },
                "tags": { "type": "array", "items": { "type": "string" } }
              },
              "required": ["id"],
              "x-primary-key": ["id"]
            }
            """);
        var result = Load(dir, "pipeline:\n  name: schema-file\n  source:\n    type: csv\n    config:\n      path: a.csv\n    schema_file: rows.schema.json\n  transforms:\n    - type: deduplicator\n      config:\n        key_fields: [emails]\n  destination:\n    type: sqlite\n    config:\n      path: o.db\n      write_mode: merge\n");

        Assert.Equal([("AIETL1015", 11, 22)], Found(result));
        var missing = Load(dir, "pipeline:\n  name: schema-file\n  source:\n    type: csv\n    config:\n      path: a.csv\n    schema_file: nowhere.json\n  destination:\n    type: jsonl\n    config:\n      path: o.jsonl\n");
        Assert.Equal([("AIETL1019", 7, 18)], Found(missing));

        var ok = Load(dir, "pipeline:\n  name: schema-file\n  source:\n    type: csv\n    config:\n      path: a.csv\n    schema_file: rows.schema.json\n  destination:\n    type: jsonl\n    config:\n      path: o.jsonl\n");
        var schema = ok.Configuration!.Source.Schema!;
        Assert.Equal(SchemaOrigin.File, ok.Configuration.Source.SchemaOrigin);
        Assert.Equal("customers", schema.Name);
        Assert.Equal(["id", "email", "signup", "tags"], schema.Fields.Select(f => f.Name));
        Assert.Equal(["integer", "string", "date", "array"], schema.Fields.Select(f => f.Type));
        Assert.False(schema.Fields[0].Nullable);
        Assert.True(schema.Fields[1].Nullable);
        Assert.Equal("string", schema.Fields[3].ElementType);
        Assert.Equal(["id"], schema.PrimaryKey);
    }

    [Fact]
    public void A_schema_file_masks_by_x_sensitive_and_x_sensitive_paths_and_refuses_what_would_leave_values_in_clear()
    {
        using var dir = new TempDirectory();
        static string Schema(string contact, string email = "\"x-sensitive\": \"email\"") =>
            "{ \"title\": \"people\", \"type\": \"object\", \"properties\": { \"email\": { \"type\": \"string\", " + email + " }, \"contact\": { \"type\": \"object\", " + contact + " } } }";
        const string Yaml = "pipeline:\n  name: schema-file\n  source:\n    type: jsonl\n    config:\n      path: a.jsonl\n    schema_file: rows.schema.json\n  destination:\n    type: jsonl\n    config:\n      path: o.jsonl\n";

        dir.Write("rows.schema.json", Schema("\"x-sensitive-paths\": { \"phone\": \"phone\", \"orders[].card\": \"credit_card\" }"));
        var ok = Load(dir, Yaml);
        Assert.Empty(Found(ok));
        var fields = ok.Configuration!.Source.Schema!.Fields;
        Assert.Equal("email", fields[0].Sensitive);
        Assert.Equal([new("phone", "phone"), new KeyValuePair<string, string>("orders[].card", "credit_card")], fields[1].SensitivePaths);

        // Each of these used to load with the field in clear (an unknown kind read as none), or would now.
        string[] bad =
        [
            Schema("\"x-sensitive-paths\": { \"phone\": \"phone\" }", "\"x-sensitive\": \"emial\""),
            Schema("\"x-sensitive-paths\": { \"phone\": \"fone\" }"),
            Schema("\"x-sensitive-paths\": { \"orders[.card\": \"other\" }"),
            Schema("\"x-sensitive\": \"other\", \"x-sensitive-paths\": { \"phone\": \"phone\" }"),
            Schema("\"x-sensitive-paths\": { \"phone\": \"phone\" }", "\"x-sensitive-paths\": { \"a\": \"other\" }"),
        ];
        string[] said = ["the x-sensitive 'emial'", "the kind 'fone'", "cannot be read at character", "both x-sensitive", "which is string"];
        foreach (var (schema, message) in bad.Zip(said))
        {
            dir.Write("rows.schema.json", schema);
            var result = Load(dir, Yaml);
            Assert.Equal([("AIETL1019", 7, 18)], Found(result));
            Assert.Contains(message, result.Diagnostics[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Overrides_are_applied_and_validated_like_the_file()
    {
        var file = Path.Combine(RepoPaths.Samples, "seed-csv-to-postgres.yaml");
        var options = new PipelineLoadOptions
        {
            ProcessEnvironment = TestEnvironment.Of(("DB_USER", "u"), ("DB_PASSWORD", "p")),
            Overrides = ["pipeline.execution.batch_size=50", "pipeline.transforms[1].config.min_score=0.75", "pipeline.destination.config.table=other"],
        };
        var pipeline = PipelineConfigurationLoader.Load(file, options).Configuration!;
        Assert.Equal(50, pipeline.Execution.BatchSize);
        Assert.Equal(0.75, pipeline.Transforms[1].Config.GetDouble("min_score"));
        Assert.Equal("other", pipeline.Destination.Adapter.Config.GetString("table"));

        var bad = PipelineConfigurationLoader.Load(file, new PipelineLoadOptions
        {
            ProcessEnvironment = options.ProcessEnvironment,
            Overrides = ["pipeline.transforms[1].config.min_score=2", "pipeline.transforms[7].type=x", "no-equals-sign"],
        });
        Assert.Equal(["AIETL1023", "AIETL1023", "AIETL1007"], bad.Diagnostics.Select(d => d.Id));
        Assert.Equal("pipeline.transforms[1].config.min_score", bad.Diagnostics[2].KeyPath);
    }

    [Fact]
    public void Null_remover_impute_rules()
    {
        using var dir = new TempDirectory();
        const string Head = "pipeline:\n  name: impute\n  source:\n    type: csv\n    config:\n      path: a.csv\n  destination:\n    type: jsonl\n    config:\n      path: o.jsonl\n  transforms:\n    - type: null_remover\n      config:\n";
        Assert.Equal([("AIETL1009", 14, 19)], Found(Load(dir, Head + "        strategy: impute\n")));
        Assert.Equal([("AIETL1017", 15, 17)], Found(Load(dir, Head + "        strategy: drop\n        impute: { age: mean }\n")));
        var ok = Load(dir, Head + "        strategy: impute\n        impute: { age: median, country: constant }\n        fill_values: { country: ZZ }\n");
        Assert.Empty(ok.Diagnostics);
        var config = ok.Configuration!.Transforms[0].Config;
        Assert.Equal("median", config.GetDictionary("impute")["age"].Value);
        Assert.Equal("ZZ", config.GetDictionary("fill_values")["country"].Value);
    }

    [Fact]
    public void Comment_only_file_is_empty_and_unreadable_file_is_reported()
    {
        using var dir = new TempDirectory();
        Assert.Equal([("AIETL1004", 1, 1)], Found(Load(dir, "# nothing here\n")));
        var missing = PipelineConfigurationLoader.Load(Path.Combine(dir.Path, "missing.yaml"));
        Assert.Equal("AIETL1020", Assert.Single(missing.Diagnostics).Id);
    }

    [Fact]
    public void Truncated_samples_never_throw()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Samples, "*.yaml"))
        {
            var text = File.ReadAllText(file);
            for (var length = 0; length < text.Length; length += 7)
            {
                var result = PipelineConfigurationLoader.Parse(text[..length], file, TestEnvironment.Options(("DB_USER", "u"), ("DB_PASSWORD", "p")));
                Assert.All(result.Diagnostics, d => Assert.True(d.Position.Line >= 1 && d.Position.Column >= 1));
                Assert.Equal(result.HasErrors, result.Configuration is null);
            }
        }
    }

    [Fact]
    public void Diagnostic_prints_as_a_compiler_line()
    {
        var result = PipelineConfigurationLoader.Load(RepoPaths.Bad("misspelt-key.yaml"), TestEnvironment.Options());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ConfigSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            RepoPaths.Bad("misspelt-key.yaml") + "(7,7): error AIETL1005: pipeline.source.config: unknown key 'delimeter' (did you mean 'delimiter'?); the keys here are 'path', 'encoding', 'delimiter', 'quote', 'has_header', 'escape', 'ignore_header_case', 'trim_whitespace', 'null_values', 'culture', 'date_formats', 'datetime_formats', 'time_formats', 'compression'",
            diagnostic.ToString());
    }
}
