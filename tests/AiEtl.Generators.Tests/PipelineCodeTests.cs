using AiEtl.Generators.Tests.Infrastructure;
using AiEtl.Testing;
using static AiEtl.Generators.Tests.Infrastructure.PipelineHarness;

namespace AiEtl.Generators.Tests;

/// <summary>
/// The code generated from <c>*.etl.yaml</c> files, compared with committed snapshots (reviewed like code): a
/// pipeline over a C# record with every kind of setting, a pipeline whose record the YAML declares, and the
/// registry. Each must compile, with what was generated, without a warning or an error.
/// </summary>
public sealed class PipelineCodeTests
{
    private const string Customer = """
        using AiEtl;
        namespace Sample;

        [EtlRecord("customers")]
        public partial record struct Customer(
            [property: PrimaryKey] int Id,
            [property: Pattern("^[^@]+@[^@]+$")] string Email,
            int? Age,
            string Country,
            DateTime UpdatedAt);
        """;

    private static readonly ProjectFile CsvToPostgres = new("pipelines/customers-to-postgres.etl.yaml", """
        pipeline:
          name: customers-to-postgres
          description: Customers into PostgreSQL, merged by id, with the seed's three transforms.
          execution:
            batch_size: 5000
            max_workers: 2
            commit_every: 20
            timeout_seconds: 600
            retry_policy:
              max_retries: 5
              retryable_errors: [connection, write]
          source:
            type: csv
            record: Sample.Customer
            state_file: state/customers.json
            config:
              path: ${DATA_DIR:-data}/customers.csv.gz
              delimiter: ";"
              null_values: ["NULL", "\\N"]
              date_formats: [dd.MM.yyyy]
          transforms:
            - type: null_remover
              config:
                strategy: impute
                impute:
                  age: median
                  country: constant
                fill_values:
                  country: unknown
            - type: quality_scorer
              config:
                min_score: 0.8
                below_minimum: drop
            - type: deduplicator
              config:
                key_fields: [id, country]
                strategy: keep_last
          destination:
            type: postgres
            config:
              host: ${DB_HOST:-localhost}
              port: 5433
              database: crm
              username: ${DB_USER}
              password: ${DB_PASSWORD}
              ssl_mode: require
              table: customers
              write_mode: merge
          error_handling:
            on_extract_error: skip
            on_load_error: retry
            dead_letter_queue: errors/customers.jsonl
          masking:
            strategy: keyed_hash
            hash_key: ${MASKING_KEY}
        """);

    private static readonly ProjectFile InlineSchema = new("events.etl.yaml", """
        pipeline:
          name: events
          source:
            type: jsonl
            record: Sample.Events.Event
            config:
              path: events.jsonl
            schema:
              name: events
              fields:
                - { name: id, type: guid, primary_key: true }
                - { name: kind, type: string, nullable: false, enum_values: [click, view], description: What happened. }
                - { name: at, type: timestamp, nullable: false }
                - { name: score, type: float, min_value: 0, max_value: 1 }
                - { name: tags, type: array, element_type: string }
                - { name: payload, type: json }
          destination:
            type: sqlite
            config:
              path: out/events.db
              page_size: 8192
            schema_mode: drop_and_create
        """);

    [Fact]
    public void A_pipeline_over_a_csharp_record_with_every_kind_of_setting()
    {
        var run = PipelineHarness.Run([Customer], CsvToPostgres);

        run.AssertCompilesCleanly();
        Snapshot.Match(Source(run, "CustomersToPostgresPipeline.pipelines_customers-to-postgres.etl.yaml.g.cs"));
    }

    [Fact]
    public void A_pipeline_that_declares_its_record_inline()
    {
        var run = PipelineHarness.Run([], InlineSchema);

        run.AssertCompilesCleanly();
        Snapshot.Match(Source(run, "Event.Declaration.events.etl.yaml.g.cs"), caseName: "record");
        Snapshot.Match(Source(run, "Event.EtlRecord.events.etl.yaml.g.cs"), caseName: "codec");
        Snapshot.Match(Source(run, "EventsPipeline.events.etl.yaml.g.cs"), caseName: "pipeline");
    }

    [Fact]
    public void An_inline_json_field_with_sensitive_paths_is_masked_whole_by_the_generated_record()
    {
        var plain = PipelineHarness.Run([], InlineSchema);
        var run = PipelineHarness.Run([], new ProjectFile("events.etl.yaml", InlineSchema.GetText(TestContext.Current.CancellationToken)!.ToString().Replace(
            "- { name: payload, type: json }", "- { name: payload, type: json, sensitive_paths: { email: email } }", StringComparison.Ordinal)));

        // A generated record masks whole fields only: the paths' field is masked as other rather than shown in clear.
        run.AssertCompilesCleanly();
        Assert.DoesNotContain("SensitiveKind.Other", Source(plain, "Event.EtlRecord.events.etl.yaml.g.cs"), StringComparison.Ordinal);
        Assert.Contains("SensitiveKind.Other", Source(run, "Event.EtlRecord.events.etl.yaml.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_registry_lists_every_pipeline_by_name()
    {
        var run = PipelineHarness.Run([Customer], CsvToPostgres, InlineSchema);

        run.AssertCompilesCleanly();
        Snapshot.Match(Source(run, "AiEtl.CompiledPipelines.g.cs"));
    }

    [Fact]
    public void AddAiEtl_registers_every_pipeline_when_the_project_uses_dependency_injection()
    {
        var run = PipelineHarness.Run([Customer, """
            using Microsoft.Extensions.DependencyInjection;
            namespace Sample;
            public static class Startup
            {
                public static IServiceCollection Configure(IServiceCollection services) => services.AddAiEtl();
            }
            """], CsvToPostgres, InlineSchema);

        run.AssertCompilesCleanly();
        Snapshot.Match(Source(run, "AiEtl.ServiceCollectionExtensions.g.cs"));
    }

    [Fact]
    public void An_attributed_pipeline_reading_postgres()
    {
        var run = PipelineHarness.Run([Customer, """
            using AiEtl;
            namespace Sample.Jobs;

            [Pipeline<Sample.Customer>("pg-export")]
            [PostgresSource(Host = "${PGHOST:-localhost}", Database = "crm", Username = "etl", Password = "${PGPASSWORD}", Table = "customers", CursorColumn = "updated_at")]
            [CsvDestination("out/customers.csv", WriteMode = WriteMode.Replace)]
            [StateFile("state/pg-export.json")]
            public sealed partial class PgExport;
            """]);

        run.AssertCompilesCleanly();
        Snapshot.Match(Source(run, "PgExport.Input1.cs.g.cs"));
    }

    [Fact]
    public void An_attributed_pipeline_class_with_methods()
    {
        var run = PipelineHarness.Run([Customer, """
            using AiEtl;
            namespace Sample.Jobs;

            /// <summary>Loads the customers of the day.</summary>
            [Pipeline<Sample.Customer>("daily-customers", Description = "The customers of the day, deduplicated.")]
            [CsvSource("${INBOX:-inbox}/customers.csv", Delimiter = ';', NullValues = ["NULL"])]
            [RemoveNulls("email")]
            [ImputeNulls("age", ImputeMethod.Median)]
            [ImputeNulls("country", ImputeMethod.Constant, Value = "unknown")]
            [Deduplicate("id", KeepLast = true)]
            [SqliteDestination("out/crm.db", Table = "customers", WriteMode = WriteMode.Merge, SchemaMode = SchemaMode.CreateIfMissing)]
            [Execution(BatchSize = 5000, CommitEvery = 10)]
            [ErrorHandling(OnExtractError = ErrorAction.Skip, DeadLetterQueue = "out/errors.jsonl")]
            public sealed partial class DailyCustomers
            {
                [Filter]
                private static bool IsAdult(Sample.Customer row) => row.Age is null or >= 18;

                [Transform]
                private Sample.Customer Normalize(Sample.Customer row) => row with { Email = row.Email.ToLowerInvariant() };
            }
            """]);

        run.AssertCompilesCleanly();
        Snapshot.Match(Source(run, "DailyCustomers.Input1.cs.g.cs"));
    }

    [Fact]
    public void A_file_destination_gets_its_schema_mode_and_an_absent_commit_size_is_left_to_the_destination()
    {
        var run = PipelineHarness.Run([Customer], new ProjectFile("export.etl.yaml", """
            pipeline:
              name: export
              source:
                type: csv
                record: Sample.Customer
                config:
                  path: in.csv
              destination:
                type: csv
                config:
                  path: out.csv
                schema_mode: fail_if_missing
            """));

        run.AssertCompilesCleanly();
        var code = Source(run, "ExportPipeline.export.etl.yaml.g.cs");
        Assert.Contains("SchemaMode = global::AiEtl.SchemaMode.FailIfMissing", code, StringComparison.Ordinal);
        Assert.DoesNotContain("CommitEvery", code, StringComparison.Ordinal);
    }

    private static string Source(GeneratorRun run, string hintName)
    {
        var source = run.Result.GeneratedSources.SingleOrDefault(generated => generated.HintName == hintName);
        Assert.True(source.HintName is not null, $"No {hintName}; generated: " + string.Join(", ", run.Result.GeneratedSources.Select(generated => generated.HintName)));
        return source.SourceText.ToString();
    }
}
