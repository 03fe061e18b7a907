using System.Globalization;
using System.Text;
using AiEtl.Cli.Binding;
using AiEtl.Configuration.Model;

namespace AiEtl.Cli.Output;

/// <summary>
/// A pipeline's declared schema (inline, or read from its schema file) as the YAML of <c>source.schema</c>, every
/// declared property kept (type, nullability, description, constraints, key), with <c>sensitive:</c> added where the
/// scan detected a kind and the declaration gives none, and <c>sensitive_paths:</c> (the declared ones, then those detected
/// inside a json field).
/// </summary>
internal static class DeclaredSchemaYaml
{
    public static string Write(RowSchemaDeclaration declared, string defaultName, IReadOnlyDictionary<string, SensitiveKind> detected, IReadOnlyDictionary<string, IReadOnlyList<SensitivePath>> detectedPaths)
    {
        var text = new StringBuilder("schema:\n");
        text.Append("  name: ").Append(SchemaYaml.Scalar(declared.Name ?? defaultName)).Append('\n');
        if (declared.PrimaryKey.Count > 0)
        {
            text.Append("  primary_key: [").AppendJoin(", ", declared.PrimaryKey.Select(SchemaYaml.Scalar)).Append("]\n");
        }

        text.Append("  fields:\n");
        foreach (var field in declared.Fields)
        {
            text.Append("    - { name: ").Append(SchemaYaml.Scalar(field.Name)).Append(", type: ").Append(field.Type);
            if (field.ElementType is { } element)
            {
                text.Append(", element_type: ").Append(element);
            }

            if (!field.Nullable)
            {
                text.Append(", nullable: false");
            }

            // The declaration's own kind wins: its author may have chosen a stricter one than the scan's. Paths need a
            // json field: values found nested in a field declared otherwise mask all of it.
            var paths = detectedPaths.TryGetValue(field.Name, out var found) ? found : [];
            var sensitive = field.Sensitive != "none" ? field.Sensitive
                : detected.TryGetValue(field.Name, out var kind) ? SchemaConversion.NameOf(kind)
                : paths.Count > 0 && field.Type != "json" ? SchemaConversion.NameOf(SensitiveKind.Other) : null;
            if (sensitive is not null)
            {
                text.Append(", sensitive: ").Append(sensitive);
            }
            else
            {
                var declaredPaths = field.SensitivePaths.Select(p => (p.Key, p.Value)).ToList();
                SchemaYaml.AppendPaths(text, declaredPaths.Concat(paths
                    .Where(p => declaredPaths.All(d => d.Key != p.Path))
                    .Select(p => (p.Path, SchemaConversion.NameOf(p.Kind)))));
            }

            Append(text, "description", field.Description);
            Append(text, "min_value", field.MinValue);
            Append(text, "max_value", field.MaxValue);
            if (field.Pattern is { } pattern)
            {
                text.Append(", pattern: ").Append(Quoted(pattern));
            }

            if (field.EnumValues is { } values)
            {
                text.Append(", enum_values: [").AppendJoin(", ", values.Select(SchemaYaml.Scalar)).Append(']');
            }

            text.Append(" }\n");
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string key, object? value)
    {
        if (value is null)
        {
            return;
        }

        // Numbers stay numbers; everything else (a date bound, a description) is quoted where YAML would misread it.
        var written = value is long or int or double or decimal ? Convert.ToString(value, CultureInfo.InvariantCulture)! : SchemaYaml.Scalar(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        text.Append(", ").Append(key).Append(": ").Append(written);
    }

    // A regular expression in double quotes, its backslashes and quotes escaped as YAML reads them back.
    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
