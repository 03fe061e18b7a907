using AiEtl.Configuration.Diagnostics;

namespace AiEtl.Configuration.Tests;

/// <summary>${VAR} placeholders, the .env file, their precedence, and the seed's environment defaults.</summary>
public sealed class EnvironmentTests
{
    private const string Pipeline = """
        pipeline:
          name: env-test
          source:
            type: csv
            config:
              path: ${DATA_DIR:-data}/in.csv
          destination:
            type: postgres
            config:
              database: ${DB_NAME}
              table: t
              username: etl
              password: ${DB_PASSWORD}
        """;

    [Fact]
    public void Process_environment_wins_over_the_env_file_beside_the_pipeline()
    {
        using var dir = new TempDirectory();
        dir.Write(".env", "DB_NAME=from_file\nDB_PASSWORD=file-secret\n");
        var file = dir.Write("p.yaml", Pipeline);

        var result = PipelineConfigurationLoader.Load(file, TestEnvironment.Options(("DB_NAME", "from_process")));

        Assert.Empty(result.Diagnostics);
        var config = result.Configuration!.Destination.Adapter.Config;
        Assert.Equal("from_process", config.GetString("database"));
        Assert.Equal("file-secret", config.GetString("password"));
    }

    [Fact]
    public void Real_process_environment_is_read_when_no_lookup_is_given()
    {
        using var dir = new TempDirectory();
        var variable = "AIETL_TEST_" + Guid.NewGuid().ToString("N");
        var file = dir.Write("p.yaml", Pipeline.Replace("${DB_NAME}", "${" + variable + "}", StringComparison.Ordinal));
        dir.Write(".env", variable + "=from_file\nDB_PASSWORD=x\n");
        Environment.SetEnvironmentVariable(variable, "from_process");
        try
        {
            var result = PipelineConfigurationLoader.Load(file);
            Assert.Equal("from_process", result.Configuration!.Destination.Adapter.Config.GetString("database"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Explicit_env_file_replaces_the_one_beside_the_pipeline()
    {
        using var dir = new TempDirectory();
        dir.Write(".env", "DB_NAME=beside\nDB_PASSWORD=x\n");
        var other = dir.Write("prod.env", "# production\nexport DB_NAME=\"prod\"  \nDB_PASSWORD='p#ss word'\n");
        var file = dir.Write("p.yaml", Pipeline);

        var result = PipelineConfigurationLoader.Load(file, new PipelineLoadOptions { EnvFilePath = other, ProcessEnvironment = TestEnvironment.Of() });

        Assert.Empty(result.Diagnostics);
        Assert.Equal("prod", result.Configuration!.Destination.Adapter.Config.GetString("database"));
        Assert.Equal("p#ss word", result.Configuration.Destination.Adapter.Config.GetString("password"));
    }

    [Fact]
    public void Default_of_a_placeholder_applies_when_the_variable_is_unset()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("p.yaml", Pipeline);

        var unset = PipelineConfigurationLoader.Load(file, TestEnvironment.Options(("DB_NAME", "d"), ("DB_PASSWORD", "x")));
        var set = PipelineConfigurationLoader.Load(file, TestEnvironment.Options(("DB_NAME", "d"), ("DB_PASSWORD", "x"), ("DATA_DIR", "/srv")));

        Assert.Equal("data/in.csv", unset.Configuration!.Source.Adapter.Config.GetString("path"));
        Assert.Equal("/srv/in.csv", set.Configuration!.Source.Adapter.Config.GetString("path"));
    }

    [Fact]
    public void Unset_variable_is_reported_at_the_placeholder_by_name_and_every_one_at_once()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("p.yaml", Pipeline);

        var result = PipelineConfigurationLoader.Load(file, TestEnvironment.Options());

        var unset = result.Diagnostics.Where(d => d.Id == "AIETL1013").ToList();
        Assert.Equal(2, unset.Count);
        Assert.Equal((10, 17), (unset[0].Position.Line, unset[0].Position.Column));
        Assert.Contains("'DB_NAME'", unset[0].Message, StringComparison.Ordinal);
        Assert.Equal("pipeline.destination.config.password", unset[1].KeyPath);
        Assert.Null(result.Configuration);
    }

    [Fact]
    public void Variable_values_never_appear_in_messages()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("p.yaml", Pipeline.Replace("table: t", "table: t\n      port: ${SECRET_PORT}", StringComparison.Ordinal));

        var result = PipelineConfigurationLoader.Load(file, TestEnvironment.Options(("DB_NAME", "d"), ("DB_PASSWORD", "x"), ("SECRET_PORT", "hunter2")));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("AIETL1006", error.Id);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Literal_passwords_are_warnings_and_placeholders_are_not()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("p.yaml", """
            pipeline:
              name: literal-secret
              source:
                type: postgres
                config:
                  connection_string: "Host=db;Username=etl;Password=hunter2"
                  table: t
              destination:
                type: postgres
                config:
                  database: d
                  password: hunter2
              masking:
                strategy: keyed_hash
                hash_key: ${HASH_KEY}
            """);

        var result = PipelineConfigurationLoader.Load(file, TestEnvironment.Options(("HASH_KEY", "0123456789abcdef0123")));

        Assert.All(result.Diagnostics, d => Assert.Equal(ConfigSeverity.Warning, d.Severity));
        Assert.Equal([(6, 26), (12, 17)], result.Diagnostics.Select(d => (d.Position.Line, d.Position.Column)));
        Assert.All(result.Diagnostics, d => Assert.Equal("AIETL1014", d.Id));
        Assert.All(result.Diagnostics, d => Assert.DoesNotContain("hunter2", d.ToString(), StringComparison.Ordinal));
        Assert.NotNull(result.Configuration);
    }

    [Fact]
    public void Seed_environment_supplies_absent_keys()
    {
        using var dir = new TempDirectory();
        dir.Write(".env", "DEFAULT_BATCH_SIZE=250\nMAX_WORKERS=2\nLOG_LEVEL=debug\nLOG_FORMAT=json\nLOCAL_STATE_PATH=./state\nDB_HOST=db.internal\nDB_PORT=6543\nDB_NAME=etl_dev\nDB_USER=etl_user\nDB_PASSWORD=secret\n");
        var file = dir.Write("p.yaml", """
            pipeline:
              name: env-defaults
              source:
                type: csv
                config:
                  path: in.csv
              destination:
                type: postgres
                config:
                  table: t
            """);

        var result = PipelineConfigurationLoader.Load(file, TestEnvironment.Options(("MAX_WORKERS", "8")));

        Assert.Empty(result.Diagnostics);
        var pipeline = result.Configuration!;
        Assert.Equal(250, pipeline.Execution.BatchSize);
        Assert.Equal(8, pipeline.Execution.MaxWorkers);
        Assert.Equal("DEBUG", pipeline.Monitoring.LogLevel);
        Assert.Equal("json", pipeline.Monitoring.LogFormat);
        Assert.Equal("./state", pipeline.StateDirectory);
        var config = pipeline.Destination.Adapter.Config;
        Assert.Equal("db.internal", config.GetString("host"));
        Assert.Equal(6543, config.GetInt64("port"));
        Assert.Equal("etl_dev", config.GetString("database"));
        Assert.Equal("etl_user", config.GetString("username"));
        Assert.Equal("secret", config.GetString("password"));
        Assert.Equal("DB_HOST", config.Settings["host"].FromVariable);
    }

    [Fact]
    public void Keys_in_the_file_win_over_the_seed_environment_and_a_connection_string_turns_db_variables_off()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("p.yaml", """
            pipeline:
              name: file-wins
              execution:
                batch_size: 10
              source:
                type: csv
                config:
                  path: in.csv
              destination:
                type: postgres
                config:
                  connection_string: ${PG_CONNECTION}
                  table: t
            """);

        var result = PipelineConfigurationLoader.Load(file, TestEnvironment.Options(("DEFAULT_BATCH_SIZE", "99"), ("DB_HOST", "elsewhere"), ("PG_CONNECTION", "Host=db;Password=x")));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(10, result.Configuration!.Execution.BatchSize);
        Assert.False(result.Configuration.Destination.Adapter.Config.Has("host"));
    }

    [Fact]
    public void Invalid_environment_default_names_the_variable_not_its_value()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("p.yaml", "pipeline:\n  name: bad-env\n  source:\n    type: csv\n    config:\n      path: a.csv\n  destination:\n    type: jsonl\n    config:\n      path: b.jsonl\n");

        var result = PipelineConfigurationLoader.Load(file, TestEnvironment.Options(("DEFAULT_BATCH_SIZE", "zero")));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("AIETL1006", error.Id);
        Assert.Equal("pipeline.execution.batch_size", error.KeyPath);
        Assert.Contains("DEFAULT_BATCH_SIZE", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_placeholder_and_bad_env_line_are_reported()
    {
        using var dir = new TempDirectory();
        var env = dir.Write(".env", "GOOD=1\nBAD LINE=secret\n");
        var file = dir.Write("p.yaml", "pipeline:\n  name: bad-placeholder\n  source:\n    type: csv\n    config:\n      path: \"${DATA DIR}/a.csv\"\n  destination:\n    type: jsonl\n    config:\n      path: b.jsonl\n");

        var result = PipelineConfigurationLoader.Load(file, TestEnvironment.Options());

        Assert.Collection(
            result.Diagnostics,
            d => Assert.Equal(("AIETL1021", env, 2, 1), (d.Id, d.FilePath, d.Position.Line, d.Position.Column)),
            d => Assert.Equal(("AIETL1018", file, 6, 14), (d.Id, d.FilePath, d.Position.Line, d.Position.Column)));
        Assert.DoesNotContain("secret", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_dollar_brace_is_literal()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("p.yaml", "pipeline:\n  name: escaped\n  description: costs $${PRICE}\n  source:\n    type: csv\n    config:\n      path: a.csv\n  destination:\n    type: jsonl\n    config:\n      path: b.jsonl\n");

        var result = PipelineConfigurationLoader.Load(file, TestEnvironment.Options());

        Assert.Empty(result.Diagnostics);
        Assert.Equal("costs ${PRICE}", result.Configuration!.Description);
    }
}
