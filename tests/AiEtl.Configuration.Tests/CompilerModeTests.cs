namespace AiEtl.Configuration.Tests;

/// <summary>
/// Loading for the compiler (<see cref="PipelineLoadOptions.ForCompiler"/>): a compiled pipeline's text settings keep
/// their placeholders for run time, the build's environment and <c>.env</c> file are never read, and a number that
/// only a placeholder without a default gives is an error at the placeholder.
/// </summary>
public sealed class CompilerModeTests
{
    private static readonly PipelineLoadOptions ForCompiler = new() { ForCompiler = true, ProcessEnvironment = static _ => "from-the-build-machine" };

    [Fact]
    public void Text_settings_keep_their_placeholders_and_nothing_is_read_from_the_environment_or_the_env_file()
    {
        using var dir = new TempDirectory();
        dir.Write(".env", "DB_PASSWORD=file-secret\nDEFAULT_BATCH_SIZE=7\n");
        var file = dir.Write("p.etl.yaml", """
            pipeline:
              name: compiled
              source:
                type: csv
                record: MyApp.Customer
                config:
                  path: ${DATA_DIR:-data}/in.csv
              destination:
                type: postgres
                config:
                  database: ${DB_NAME}
                  table: t
                  password: ${DB_PASSWORD}
            """);

        var result = PipelineConfigurationLoader.Load(file, ForCompiler);

        Assert.Empty(result.Diagnostics);
        var config = result.Configuration!;
        Assert.Equal("MyApp.Customer", config.Source.Record);
        Assert.Equal("${DATA_DIR:-data}/in.csv", config.Source.Adapter.Config.GetString("path"));
        Assert.Equal("${DB_NAME}", config.Destination.Adapter.Config.GetString("database"));
        Assert.Equal("${DB_PASSWORD}", config.Destination.Adapter.Config.GetString("password"));
        Assert.Equal(1000, config.Execution.BatchSize);
    }

    [Fact]
    public void A_number_from_a_placeholder_takes_its_default()
    {
        var result = PipelineConfigurationLoader.Parse(WithBatchSize("${BATCH:-250}"), "p.etl.yaml", ForCompiler);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(250, result.Configuration!.Execution.BatchSize);
    }

    [Fact]
    public void A_number_from_a_placeholder_without_a_default_is_AIETL1025_at_the_placeholder()
    {
        var result = PipelineConfigurationLoader.Parse(WithBatchSize("${BATCH}"), "p.etl.yaml", ForCompiler);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("AIETL1025", diagnostic.Id);
        Assert.Equal((4, 17), (diagnostic.Position.Line, diagnostic.Position.Column));
        Assert.Equal("pipeline.execution.batch_size", diagnostic.KeyPath);
    }

    [Fact]
    public void At_run_time_the_same_file_resolves_the_placeholder()
    {
        var result = PipelineConfigurationLoader.Parse(WithBatchSize("${BATCH}"), "p.etl.yaml", TestEnvironment.Options(("BATCH", "42")));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(42, result.Configuration!.Execution.BatchSize);
    }

    private static string WithBatchSize(string value) => $"""
        pipeline:
          name: compiled
          execution:
            batch_size: {value}
          source:
            type: csv
            config:
              path: in.csv
          destination:
            type: jsonl
            config:
              path: out.jsonl
        """;
}
