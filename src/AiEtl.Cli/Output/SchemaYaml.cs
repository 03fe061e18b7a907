using System.Globalization;
using System.Text;
using AiEtl.Cli.Binding;

namespace AiEtl.Cli.Output;

/// <summary>A schema as the YAML of <c>source.schema</c>, ready to paste, with each inferred field's confidence as a comment.</summary>
internal static class SchemaYaml
{
    public static string Write(Schema schema, int indent = 0)
    {
        var pad = new string(' ', indent);
        var text = new StringBuilder();
        text.Append(pad).Append("schema:\n");
        text.Append(pad).Append("  name: ").Append(Scalar(schema.Name)).Append('\n');
        if (schema.PrimaryKey is { Count: > 0 } key)
        {
            text.Append(pad).Append("  primary_key: [").Append(string.Join(", ", key.Select(Scalar))).Append("]\n");
        }

        text.Append(pad).Append("  fields:\n");
        foreach (var field in schema.Fields)
        {
            text.Append(pad).Append("    - { name: ").Append(Scalar(field.Name)).Append(", type: ").Append(SchemaConversion.NameOf(field.Type));
            if (field.ElementType is { } element)
            {
                text.Append(", element_type: ").Append(SchemaConversion.NameOf(element));
            }

            if (!field.IsNullable)
            {
                text.Append(", nullable: false");
            }

            if (field.Sensitive != SensitiveKind.None)
            {
                text.Append(", sensitive: ").Append(SchemaConversion.NameOf(field.Sensitive));
            }

            AppendPaths(text, field.SensitivePaths.Select(p => (p.Path, SchemaConversion.NameOf(p.Kind))));

            text.Append(" }");
            if (field.Confidence is { } confidence)
            {
                text.Append("  # confidence ").Append(confidence.ToString("0.00", CultureInfo.InvariantCulture));
                if (schema.NullCounts?.TryGetValue(field.Name, out var nulls) == true && nulls > 0)
                {
                    text.Append(", ").Append(nulls.ToString(CultureInfo.InvariantCulture)).Append(" nulls in the sample");
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Appends <c>, sensitive_paths: { path: kind, ... }</c>, or nothing when there are no paths.</summary>
    internal static void AppendPaths(StringBuilder text, IEnumerable<(string Path, string Kind)> paths)
    {
        var written = paths.Select(p => Scalar(p.Path) + ": " + p.Kind).ToList();
        if (written.Count > 0)
        {
            text.Append(", sensitive_paths: { ").AppendJoin(", ", written).Append(" }");
        }
    }

    // Quote what YAML would read as something else (a number, a boolean, null) or cannot hold plain.
    internal static string Scalar(string value)
    {
        var plain = value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.')
            && !char.IsDigit(value[0]) && value is not ("true" or "false" or "null" or "yes" or "no" or "~");
        return plain ? value : "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
