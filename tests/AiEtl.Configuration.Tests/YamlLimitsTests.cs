namespace AiEtl.Configuration.Tests;

/// <summary>Inputs that would exhaust the reader (deep nesting) are reported as syntax errors, never a crash.</summary>
public sealed class YamlLimitsTests
{
    [Fact]
    public void Nesting_deeper_than_64_levels_is_AIETL1001_at_the_deepest_node()
    {
        var text = "pipeline:\n  name: deep\n  x: " + new string('[', 5_000) + new string(']', 5_000) + "\n";

        var result = PipelineConfigurationLoader.Parse(text, "deep.yaml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("AIETL1001", diagnostic.Id);
        Assert.Equal(3, diagnostic.Position.Line);
        Assert.Contains("nested more than 64 levels deep", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Configuration);
    }

    [Fact]
    public void Nesting_of_a_real_pipeline_is_far_below_the_limit()
    {
        var result = PipelineConfigurationLoader.Parse("pipeline:\n  name: ok\n  x: " + new string('[', 60) + new string(']', 60) + "\n", "ok.yaml");

        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Id == "AIETL1001");
    }
}
