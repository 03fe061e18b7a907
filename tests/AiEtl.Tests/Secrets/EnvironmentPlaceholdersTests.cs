
namespace AiEtl.Tests.Secrets;

public sealed class EnvironmentPlaceholdersTests
{
    private static readonly Dictionary<string, string> Variables = new() { ["DB_USER"] = "etl", ["DB_PASSWORD"] = "s3cret" };

    [Theory]
    [InlineData("${DB_PASSWORD}", "s3cret")]
    [InlineData("user=${DB_USER};password=${DB_PASSWORD}", "user=etl;password=s3cret")]
    [InlineData("no placeholder", "no placeholder")]
    [InlineData("cost: $${DB_USER}", "cost: ${DB_USER}")]
    [InlineData("$DB_USER and ${ not closed", "$DB_USER and ${ not closed")]
    [InlineData("${DB_HOST:-localhost}:${DB_USER:-nobody}", "localhost:etl")]
    [InlineData("${DB_HOST:-}", "")]
    public void Placeholders_are_replaced_from_the_environment(string text, string expected)
    {
        Assert.Equal(expected, EnvironmentPlaceholders.Expand(text, "setting", Variables.GetValueOrDefault));
    }

    [Fact]
    public void An_unset_variable_names_the_setting_and_the_variable_never_a_value()
    {
        var error = Assert.Throws<PipelineConfigurationException>(() =>
            EnvironmentPlaceholders.Expand("${DB_USER}:${MISSING}", "password", Variables.GetValueOrDefault));

        Assert.Equal("password: the environment variable MISSING is not set", error.Message);
    }

    [Fact]
    public void Contains_tells_placeholders_from_literals()
    {
        Assert.True(EnvironmentPlaceholders.Contains("${DB_PASSWORD}"));
        Assert.False(EnvironmentPlaceholders.Contains("s3cret"));
        Assert.False(EnvironmentPlaceholders.Contains(null));
        Assert.Null(EnvironmentPlaceholders.Expand(null, "password"));
    }
}
