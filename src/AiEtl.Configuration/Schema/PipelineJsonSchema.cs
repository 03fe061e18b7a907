using System.Collections.Generic;
using AiEtl.Configuration.Catalog;

namespace AiEtl.Configuration.Schema;

/// <summary>
/// Writes the JSON Schema (draft 2020-12) of a pipeline file from the key catalog, so that editors with a YAML language
/// server complete and check keys, and the schema cannot drift from the validator. Every scalar key also accepts a
/// <c>${VAR}</c> placeholder, which is resolved before validation. The file is <c>docs/schema/aietl-pipeline.schema.json</c>.
/// </summary>
public static class PipelineJsonSchema
{
    /// <summary>The schema's <c>$id</c>.</summary>
    public const string Id = "https://github.com/aietl/aietl-typed/blob/main/docs/schema/aietl-pipeline.schema.json";

    private const string PlaceholderRef = "#/$defs/placeholder";

    /// <summary>The schema as indented JSON text, ending with a newline.</summary>
    public static string Generate()
    {
        var json = new JsonTextWriter();
        json.StartObject();
        json.Property("$schema", "https://json-schema.org/draft/2020-12/schema");
        json.Property("$id", Id);
        json.Property("title", "AiEtl pipeline");
        json.Property("description", "A pipeline file of AiEtl.Typed: generated from the configuration catalog (AiEtl.Configuration); see docs/configuration.md.");
        json.Property("type", "object");
        json.Name("properties");
        json.StartObject();
        json.Name("pipeline");
        WriteKey(json, PipelineCatalog.Pipeline);
        json.EndObject();
        WriteRequired(json, ["pipeline"]);
        json.Name("additionalProperties");
        json.Boolean(false);
        json.Name("$defs");
        json.StartObject();
        json.Name("placeholder");
        json.StartObject();
        json.Property("description", "A ${VAR} or ${VAR:-default} placeholder, resolved from the environment and the .env file.");
        json.Property("type", "string");
        json.Property("pattern", @"\$\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\}");
        json.EndObject();
        foreach (var family in new[] { AdapterCatalog.Sources, AdapterCatalog.Destinations, AdapterCatalog.Transforms })
        {
            foreach (var adapter in family.Adapters)
            {
                json.Name(DefinitionName(family, adapter));
                WriteMapping(json, adapter.Description, adapter.Keys, null);
            }
        }

        json.EndObject();
        json.EndObject();
        return json.ToString();
    }

    private static string DefinitionName(AdapterFamily family, AdapterSpec adapter) => family.Role + "." + adapter.Name;

    private static void WriteKey(JsonTextWriter json, ConfigKey key)
    {
        switch (key.Kind)
        {
            case ConfigValueKind.Mapping:
                WriteMapping(json, key.Description, key.Children, key.Family);
                return;
            case ConfigValueKind.MappingList:
                json.StartObject();
                json.Property("description", key.Description);
                json.Property("type", "array");
                json.Name("items");
                WriteMapping(json, null, key.Children, key.Family);
                json.EndObject();
                return;
            case ConfigValueKind.Dictionary:
                json.StartObject();
                json.Property("description", key.Description);
                json.Property("type", "object");
                json.Name("additionalProperties");
                WriteKey(json, key.Values!);
                json.EndObject();
                return;
            case ConfigValueKind.StringList:
                json.StartObject();
                json.Property("description", key.Description);
                json.Name("anyOf");
                json.StartArray();
                json.StartObject();
                json.Property("type", "array");
                json.Name("items");
                WriteListItem(json, key);
                json.EndObject();
                WriteListItem(json, key);
                json.EndArray();
                json.EndObject();
                return;
            default:
                WriteScalar(json, key);
                return;
        }
    }

    private static void WriteListItem(JsonTextWriter json, ConfigKey key)
    {
        json.StartObject();
        if (key.AllowedValues.Count > 0)
        {
            WriteEnum(json, key);
        }
        else
        {
            json.Property("type", "string");
        }

        json.EndObject();
    }

    private static void WriteScalar(JsonTextWriter json, ConfigKey key)
    {
        json.StartObject();
        json.Property("description", key.Description);
        if (key.Default is { } value)
        {
            json.Name("default");
            json.Value(value);
        }

        json.Name("anyOf");
        json.StartArray();
        json.StartObject();
        switch (key.Kind)
        {
            case ConfigValueKind.Integer:
            case ConfigValueKind.Number:
                json.Property("type", key.Kind == ConfigValueKind.Integer ? "integer" : "number");
                if (key.Minimum is { } minimum)
                {
                    json.Name("minimum");
                    json.Number(minimum);
                }

                if (key.Maximum is { } maximum)
                {
                    json.Name("maximum");
                    json.Number(maximum);
                }

                break;
            case ConfigValueKind.Boolean:
                json.Property("type", "boolean");
                break;
            case ConfigValueKind.Enum:
                WriteEnum(json, key);
                break;
            case ConfigValueKind.Character:
                json.Property("type", "string");
                json.Name("minLength");
                json.Number(1);
                json.Name("maxLength");
                json.Number(1);
                break;
            case ConfigValueKind.Scalar:
                json.Name("type");
                json.StartArray();
                json.String("string");
                json.String("number");
                json.String("boolean");
                json.EndArray();
                break;
            default:
                json.Property("type", "string");
                if (key.Minimum is { } minLength)
                {
                    json.Name("minLength");
                    json.Number(minLength);
                }

                break;
        }

        json.EndObject();
        json.StartObject();
        json.Property("$ref", PlaceholderRef);
        json.EndObject();
        json.EndArray();
        json.EndObject();
    }

    private static void WriteEnum(JsonTextWriter json, ConfigKey key)
    {
        json.Name("enum");
        json.StartArray();
        foreach (var value in key.AllowedValues)
        {
            json.String(value);
        }

        if (key.IgnoreCase)
        {
            foreach (var value in key.AllowedValues)
            {
                if (value.ToLowerInvariant() != value)
                {
                    json.String(value.ToLowerInvariant());
                }
            }
        }

        json.EndArray();
    }

    private static void WriteMapping(JsonTextWriter json, string? description, IReadOnlyList<ConfigKey> keys, AdapterFamily? family)
    {
        json.StartObject();
        if (description is not null)
        {
            json.Property("description", description);
        }

        json.Property("type", "object");
        json.Name("properties");
        json.StartObject();
        var required = new List<string>();
        foreach (var key in keys)
        {
            json.Name(key.Name);
            if (family is not null && key.Name == "config")
            {
                json.StartObject();
                json.Property("description", key.Description);
                json.Property("type", "object");
                json.EndObject();
            }
            else
            {
                WriteKey(json, key);
            }

            // A key the environment can supply may be absent from the file.
            if (key.Required && key.EnvironmentVariable is null)
            {
                required.Add(key.Name);
            }
        }

        json.EndObject();
        WriteRequired(json, required);
        json.Name("additionalProperties");
        json.Boolean(false);
        if (family is not null)
        {
            json.Name("allOf");
            json.StartArray();
            foreach (var adapter in family.Adapters)
            {
                WriteVariant(json, family, adapter);
            }

            json.EndArray();
        }

        json.EndObject();
    }

    private static void WriteVariant(JsonTextWriter json, AdapterFamily family, AdapterSpec adapter)
    {
        json.StartObject();
        json.Name("if");
        json.StartObject();
        json.Name("properties");
        json.StartObject();
        json.Name("type");
        json.StartObject();
        json.Property("const", adapter.Name);
        json.EndObject();
        json.EndObject();
        WriteRequired(json, ["type"]);
        json.EndObject();
        json.Name("then");
        json.StartObject();
        json.Name("properties");
        json.StartObject();
        json.Name("config");
        json.StartObject();
        json.Property("$ref", "#/$defs/" + DefinitionName(family, adapter));
        json.EndObject();
        json.EndObject();
        var needsConfig = false;
        foreach (var key in adapter.Keys)
        {
            needsConfig |= key.Required && key.EnvironmentVariable is null;
        }

        if (needsConfig)
        {
            WriteRequired(json, ["config"]);
        }

        json.EndObject();
        json.EndObject();
    }

    private static void WriteRequired(JsonTextWriter json, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        json.Name("required");
        json.StartArray();
        foreach (var name in names)
        {
            json.String(name);
        }

        json.EndArray();
    }
}
