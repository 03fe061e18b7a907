namespace AiEtl.Tests.Compiled;

/// <summary>
/// How a compiled pipeline resolves the settings it kept from its file when it runs: placeholders from the run's
/// variables, then the process environment, then their defaults; relative paths from the base directory.
/// </summary>
public sealed class PipelineRunOptionsTests
{
    [Fact]
    public void Variables_win_over_the_environment_and_the_default_applies_when_neither_has_the_name()
    {
        var variable = "AIETL_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "from-environment");
        try
        {
            var options = new PipelineRunOptions { Variables = new Dictionary<string, string> { ["HOST"] = "from-variables" } };

            Assert.Equal("from-variables", options.Resolve("${HOST:-localhost}", "pipeline.destination.config.host"));
            Assert.Equal("from-environment", options.Resolve("${" + variable + ":-unused}", "pipeline.destination.config.host"));
            Assert.Equal("localhost", options.Resolve("${AIETL_NEVER_SET_ANYWHERE:-localhost}", "pipeline.destination.config.host"));
            Assert.Equal("a ${literal}", options.Resolve("a $${literal}", "pipeline.destination.config.table"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void A_placeholder_set_nowhere_without_a_default_names_the_key_and_the_variable_never_a_value()
    {
        var options = new PipelineRunOptions { Variables = new Dictionary<string, string> { ["DB_USER"] = "etl" } };

        var error = Assert.Throws<PipelineConfigurationException>(() => options.Resolve("${DB_USER}:${AIETL_NEVER_SET_ANYWHERE}", "pipeline.destination.config.password"));

        Assert.Equal("pipeline.destination.config.password: the environment variable AIETL_NEVER_SET_ANYWHERE is not set", error.Message);
    }

    [Fact]
    public void Relative_paths_start_from_the_base_directory_else_the_working_directory()
    {
        var options = new PipelineRunOptions { BaseDirectory = "/srv/etl", Variables = new Dictionary<string, string> { ["OUT"] = "out" } };

        Assert.Equal("/srv/etl/out/customers.db", options.PathOf("${OUT}/customers.db", "pipeline.destination.config.path"));
        Assert.Equal("/data/in.csv", options.PathOf("/data/in.csv", "pipeline.source.config.path"));
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "in.csv"), PipelineRunOptions.Default.PathOf("in.csv", "pipeline.source.config.path"));
    }
}
