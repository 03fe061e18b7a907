using AiEtl.Configuration.Diagnostics;

namespace AiEtl.Configuration.Tests;

/// <summary>The corpus of bad pipeline files: each reports its id at its exact line and column.</summary>
public sealed class BadConfigurationTests
{
    [Theory]
    [InlineData("unknown-key.yaml", "AIETL1005", 3, 3, "pipeline")]
    [InlineData("misspelt-key.yaml", "AIETL1005", 7, 7, "pipeline.source.config")]
    [InlineData("wrong-type.yaml", "AIETL1006", 7, 19, "pipeline.source.config.has_header")]
    [InlineData("negative-batch-size.yaml", "AIETL1007", 4, 17, "pipeline.execution.batch_size")]
    [InlineData("min-score-out-of-range.yaml", "AIETL1007", 15, 20, "pipeline.transforms[1].config.min_score")]
    [InlineData("unknown-transform.yaml", "AIETL1011", 12, 13, "pipeline.transforms[0].type")]
    [InlineData("unknown-destination-type.yaml", "AIETL1012", 8, 11, "pipeline.destination.type")]
    [InlineData("missing-required-key.yaml", "AIETL1009", 6, 7, "pipeline.source.config")]
    [InlineData("unset-variable.yaml", "AIETL1013", 12, 18, "pipeline.destination.config.password")]
    [InlineData("bad-indentation.yaml", "AIETL1001", 5, 12, "")]
    [InlineData("tab-indentation.yaml", "AIETL1002", 6, 1, "")]
    [InlineData("duplicate-key.yaml", "AIETL1003", 11, 3, "")]
    [InlineData("key-fields-missing-field.yaml", "AIETL1015", 14, 26, "pipeline.transforms[0].config.key_fields[1]")]
    [InlineData("merge-without-primary-key.yaml", "AIETL1016", 12, 19, "pipeline.destination.config.write_mode")]
    [InlineData("empty.yaml", "AIETL1004", 1, 1, "")]
    public void Reports_the_problem_at_its_line_and_column(string file, string id, int line, int column, string keyPath)
    {
        var result = PipelineConfigurationLoader.Load(RepoPaths.Bad(file), TestEnvironment.Options());

        var errors = result.Diagnostics.Where(d => d.Severity == ConfigSeverity.Error).ToList();
        Assert.True(errors.Count == 1, string.Join("\n", result.Diagnostics));
        var error = errors[0];
        Assert.Equal(id, error.Id);
        Assert.Equal((line, column), (error.Position.Line, error.Position.Column));
        Assert.Equal(keyPath, error.KeyPath);
        Assert.Null(result.Configuration);
        Assert.StartsWith(RepoPaths.Bad(file) + "(" + line + "," + column + "): error " + id + ": ", error.ToString());
    }
}
