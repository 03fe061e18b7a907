using System.Text.Json;
using System.Text.Json.Nodes;
using AiEtl.Configuration.Schema;
using Json.Schema;

namespace AiEtl.Configuration.Tests;

/// <summary>The JSON Schema of pipeline files: generated from the catalog, checked in, and true to the samples and the corpus.</summary>
public sealed class JsonSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(PipelineJsonSchema.Generate());

    [Fact]
    public void Checked_in_schema_is_the_generated_one() =>
        Snapshot.Match("docs/schema/aietl-pipeline.schema.json", PipelineJsonSchema.Generate());

    [Fact]
    public void Generated_schema_is_valid_json_of_draft_2020_12()
    {
        var document = JsonNode.Parse(PipelineJsonSchema.Generate())!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)document["$schema"]);
        var metaResult = MetaSchemas.Draft202012.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(metaResult.IsValid, Errors(metaResult));
    }

    public static TheoryData<string> Samples() => [.. Directory.GetFiles(RepoPaths.Samples, "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_pipelines_validate_against_the_schema(string file)
    {
        var result = Schema.Evaluate(YamlToJson.Convert(Path.Combine(RepoPaths.Samples, file)), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, Errors(result));
    }

    [Theory]
    [InlineData("unknown-key.yaml")]
    [InlineData("misspelt-key.yaml")]
    [InlineData("wrong-type.yaml")]
    [InlineData("negative-batch-size.yaml")]
    [InlineData("min-score-out-of-range.yaml")]
    [InlineData("unknown-transform.yaml")]
    [InlineData("unknown-destination-type.yaml")]
    [InlineData("missing-required-key.yaml")]
    public void Bad_files_that_the_schema_can_see_fail_it(string file)
    {
        var result = Schema.Evaluate(YamlToJson.Convert(RepoPaths.Bad(file)));
        Assert.False(result.IsValid);
    }

    private static string Errors(EvaluationResults result) => JsonSerializer.Serialize(
        result.Details.Where(d => d.HasErrors).Select(d => d.InstanceLocation + " " + d.EvaluationPath + ": " + string.Join("; ", d.Errors!.Values)).Take(20));
}
