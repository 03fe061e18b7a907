using System.Collections.Generic;
using System.IO;
using System.Linq;
using AiEtl.Configuration.Catalog;
using AiEtl.Configuration.Diagnostics;
using AiEtl.Configuration.Model;
using AiEtl.Configuration.Validation;
using AiEtl.Configuration.Yaml;

namespace AiEtl.Configuration.Schema;

/// <summary>
/// Reads the row schema from a JSON Schema file (draft 2020-12, as the JSON destination's <c>export_schema</c> writes
/// it): an object whose <c>properties</c> are the fields, <c>required</c> the non-nullable ones and <c>x-primary-key</c>
/// the key. JSON is YAML, so the file is read with the same positioned reader.
/// </summary>
internal static class SchemaFileReader
{
    public static RowSchemaDeclaration? Read(string path, string shownPath, YamlPosition position, string keyPath, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException error)
        {
            diagnostics.Report(ConfigDiagnostics.BadSchemaFile, position, keyPath, shownPath, "cannot be read: " + error.Message);
            return null;
        }
        catch (System.UnauthorizedAccessException error)
        {
            diagnostics.Report(ConfigDiagnostics.BadSchemaFile, position, keyPath, shownPath, "cannot be read: " + error.Message);
            return null;
        }

        var fileDiagnostics = new DiagnosticBag(shownPath);
        var root = YamlTreeReader.Read(text, fileDiagnostics);
        if (fileDiagnostics.HasErrors || root is null)
        {
            var first = fileDiagnostics.Items.Count > 0 ? fileDiagnostics.Items[0] : null;
            diagnostics.Report(ConfigDiagnostics.BadSchemaFile, position, keyPath, shownPath,
                "is not valid JSON" + (first is null ? "" : " at line " + first.Position.Line + ": " + first.Message));
            return null;
        }

        if (root is not YamlMapping schema || schema.Find("properties")?.Value is not YamlMapping properties)
        {
            diagnostics.Report(ConfigDiagnostics.BadSchemaFile, position, keyPath, shownPath, "has no 'properties' object: it must describe one row object");
            return null;
        }

        var required = Strings(schema.Find("required")?.Value);
        var fields = new List<FieldDeclaration>();
        foreach (var entry in properties.Entries)
        {
            if (entry.Value is not YamlMapping property)
            {
                diagnostics.Report(ConfigDiagnostics.BadSchemaFile, position, keyPath, shownPath, "describes the property '" + entry.Key.Value + "' with something other than an object");
                continue;
            }

            var field = Field(entry.Key.Value, property, required.Contains(entry.Key.Value), entry.Key.Start);
            if (CheckMasking(field, problem => diagnostics.Report(ConfigDiagnostics.BadSchemaFile, position, keyPath, shownPath, problem)))
            {
                fields.Add(field);
            }
        }

        return new RowSchemaDeclaration
        {
            Name = Text(schema.Find("title")?.Value),
            Fields = fields,
            PrimaryKey = Strings(schema.Find("x-primary-key")?.Value),
        };
    }

    private static FieldDeclaration Field(string name, YamlMapping property, bool required, YamlPosition position)
    {
        var types = Strings(property.Find("type")?.Value);
        var nullable = !required || types.Contains("null");
        types.Remove("null");
        // No type at all is any JSON value, as the JSON destination's export writes a json field.
        var jsonType = types.Count > 0 ? types[0] : property.Find("type") is null ? "object" : "string";
        var format = Text(property.Find("format")?.Value);
        string? elementType = null;
        if (property.Find("items")?.Value is YamlMapping items)
        {
            elementType = FieldType(Strings(items.Find("type")?.Value) is { Count: > 0 } itemTypes ? itemTypes[0] : "string", Text(items.Find("format")?.Value));
        }

        var enumValues = property.Find("enum")?.Value is YamlSequence values ? Strings(values) : null;
        return new FieldDeclaration
        {
            Name = name,
            Type = FieldType(jsonType, format),
            ElementType = elementType,
            Nullable = nullable,
            Description = Text(property.Find("description")?.Value),
            MinValue = Scalar(property.Find("minimum")?.Value),
            MaxValue = Scalar(property.Find("maximum")?.Value),
            Pattern = Text(property.Find("pattern")?.Value),
            EnumValues = enumValues,
            Sensitive = Text(property.Find("x-sensitive")?.Value) ?? "none",
            SensitivePaths = property.Find("x-sensitive-paths")?.Value is YamlMapping paths ? SensitivePaths(paths) : [],
            Position = position,
        };
    }

    // x-sensitive-paths as the YAML's sensitive_paths: each path with its kind (a non-text kind is kept as "", refused below).
    private static List<KeyValuePair<string, string>> SensitivePaths(YamlMapping paths)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var entry in paths.Entries)
        {
            list.Add(new KeyValuePair<string, string>(entry.Key.Value, Text(entry.Value) ?? ""));
        }

        return list;
    }

    // A kind the engine does not know would leave the field's values in clear: refused, as the YAML's own keys are.
    private static bool CheckMasking(FieldDeclaration field, System.Action<string> report)
    {
        var ok = true;
        if (!PipelineCatalog.SensitiveKinds.Contains(field.Sensitive))
        {
            report("gives the property '" + field.Name + "' the x-sensitive '" + field.Sensitive + "'; the kinds are " + string.Join(", ", PipelineCatalog.SensitiveKinds));
            ok = false;
        }

        if (field.SensitivePaths.Count > 0 && field.Type != "json")
        {
            report("gives x-sensitive-paths to the property '" + field.Name + "', which is " + field.Type + ": paths are inside a json field (\"type\": \"object\")");
            ok = false;
        }

        if (field.SensitivePaths.Count > 0 && field.Sensitive != "none")
        {
            report("gives the property '" + field.Name + "' both x-sensitive, which masks all of it, and x-sensitive-paths, which mask values inside it; keep one");
            ok = false;
        }

        foreach (var path in field.SensitivePaths)
        {
            if (JsonPathSyntax.Parse(path.Key, out var offset, out var problem) is null)
            {
                report("gives the property '" + field.Name + "' the x-sensitive-paths path '" + path.Key + "', which cannot be read at character " + (offset + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + problem);
                ok = false;
            }
            else if (!PipelineCatalog.SensitivePathKinds.Contains(path.Value))
            {
                report("gives the path '" + path.Key + "' of the property '" + field.Name + "' the kind '" + path.Value + "'; the kinds are " + string.Join(", ", PipelineCatalog.SensitivePathKinds));
                ok = false;
            }
        }

        return ok;
    }

    private static string FieldType(string jsonType, string? format) => jsonType switch
    {
        "integer" => "integer",
        "number" => "float",
        "boolean" => "boolean",
        "array" => "array",
        "object" => "json",
        _ => format switch
        {
            "date" => "date",
            "date-time" => "datetime",
            "time" => "time",
            "uuid" => "guid",
            _ => "string",
        },
    };

    private static string? Text(YamlNode? node) => node is YamlScalar { IsNull: false } scalar ? scalar.Value : null;

    private static object? Scalar(YamlNode? node) => node is YamlScalar { IsNull: false } scalar ? StructureValidator.TypedScalar(scalar) : null;

    private static List<string> Strings(YamlNode? node)
    {
        var values = new List<string>();
        if (node is YamlScalar { IsNull: false } single)
        {
            values.Add(single.Value);
        }
        else if (node is YamlSequence sequence)
        {
            foreach (var item in sequence.Items)
            {
                if (item is YamlScalar { IsNull: false } scalar)
                {
                    values.Add(scalar.Value);
                }
            }
        }

        return values;
    }
}
