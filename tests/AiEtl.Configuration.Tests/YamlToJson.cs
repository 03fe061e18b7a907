using System.Text.Json.Nodes;
using AiEtl.Configuration.Diagnostics;
using AiEtl.Configuration.Yaml;

namespace AiEtl.Configuration.Tests;

/// <summary>A parsed YAML file as JSON, typed as YAML's core schema types plain scalars, to validate it against the JSON Schema.</summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(string yamlPath)
    {
        var bag = new DiagnosticBag(yamlPath);
        var root = YamlTreeReader.Read(File.ReadAllText(yamlPath), bag);
        Assert.Empty(bag.Items);
        return Node(root!);
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMapping mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Key.Value, Node(e.Value)))),
        YamlSequence sequence => new JsonArray([.. sequence.Items.Select(Node)]),
        YamlScalar { IsNull: true } => null,
        YamlScalar scalar => Scalar(scalar),
        _ => throw new InvalidOperationException(),
    };

    private static JsonNode Scalar(YamlScalar scalar) => AiEtl.Configuration.Validation.StructureValidator.TypedScalar(scalar) switch
    {
        bool flag => JsonValue.Create(flag),
        long whole => JsonValue.Create(whole),
        double number => JsonValue.Create(number),
        var text => JsonValue.Create((string)text),
    };
}
