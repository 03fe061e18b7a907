using AiEtl.Configuration.Model;

namespace AiEtl.Configuration.Tests;

/// <summary>The sample pipelines of samples/pipelines load without a diagnostic, into the model they describe.</summary>
public sealed class SampleTests
{
    private static readonly PipelineLoadOptions Credentials = TestEnvironment.Options(("DB_USER", "etl_user"), ("DB_PASSWORD", "s3cret"));

    public static TheoryData<string> Samples() => [.. Directory.GetFiles(RepoPaths.Samples, "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_loads_without_diagnostics(string file)
    {
        var result = PipelineConfigurationLoader.Load(Path.Combine(RepoPaths.Samples, file), Credentials);

        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        Assert.NotNull(result.Configuration);
    }

    [Fact]
    public void There_are_the_five_samples_the_issue_asks_for() => Assert.Equal(5, Samples().Count);

    [Fact]
    public void Seed_example_reads_into_the_model()
    {
        var pipeline = PipelineConfigurationLoader.Load(Path.Combine(RepoPaths.Samples, "seed-csv-to-postgres.yaml"), Credentials).Configuration!;

        Assert.Equal("my-etl-pipeline", pipeline.Name);
        Assert.Equal(1000, pipeline.Execution.BatchSize);
        Assert.Equal(3600, pipeline.Execution.TimeoutSeconds);
        Assert.Equal(3, pipeline.Execution.RetryPolicy.MaxRetries);
        Assert.Equal(60, pipeline.Execution.RetryPolicy.MaxBackoffSeconds);
        Assert.Equal("csv", pipeline.Source.Adapter.Type);
        Assert.Equal(",", pipeline.Source.Adapter.Config.GetString("delimiter"));
        Assert.True(pipeline.Source.Adapter.Config.GetBoolean("has_header"));
        Assert.Equal(SchemaOrigin.Inferred, pipeline.Source.SchemaOrigin);
        Assert.Equal(["null_remover", "quality_scorer", "deduplicator"], pipeline.Transforms.Select(t => t.Type));
        Assert.Equal(0.5, pipeline.Transforms[1].Config.GetDouble("min_score"));
        Assert.Equal(["id", "email"], pipeline.Transforms[2].Config.GetList("key_fields"));
        Assert.Equal("postgres", pipeline.Destination.Adapter.Type);
        var destination = pipeline.Destination.Adapter.Config;
        Assert.Equal("localhost", destination.GetString("host"));
        Assert.Equal(5432, destination.GetInt64("port"));
        Assert.Equal("etl_user", destination.GetString("username"));
        Assert.Equal("s3cret", destination.GetString("password"));
        Assert.Equal("append", destination.GetString("write_mode"));
        Assert.Equal("create_if_missing", pipeline.Destination.SchemaMode);
        Assert.Equal("skip", pipeline.ErrorHandling.OnTransformError);
        Assert.Equal(".errors/dlq.jsonl", pipeline.ErrorHandling.DeadLetterQueue);
        Assert.Equal(".state/csv_source.json", pipeline.Source.StateFile);
        Assert.Equal(RepoPaths.Samples, pipeline.BaseDirectory);
    }

    [Fact]
    public void Declared_schema_reads_into_fields_and_primary_key()
    {
        var pipeline = PipelineConfigurationLoader.Load(Path.Combine(RepoPaths.Samples, "csv-to-sqlite.yaml"), Credentials).Configuration!;

        var schema = pipeline.Source.Schema!;
        Assert.Equal(SchemaOrigin.Inline, pipeline.Source.SchemaOrigin);
        Assert.Equal("customers", schema.Name);
        Assert.Equal(10, schema.Fields.Count);
        Assert.Equal(["id"], schema.PrimaryKey);
        Assert.False(schema.Find("id")!.Nullable);
        Assert.Equal("email", schema.Find("email")!.Sensitive);
        Assert.Equal(150L, schema.Find("age")!.MaxValue);
        Assert.Equal("decimal", schema.Find("balance")!.Type);
        Assert.Equal("merge", pipeline.Destination.Adapter.Config.GetString("write_mode"));
    }
}
