using System.Globalization;
using System.Text;
using AiEtl.Cli.Binding;

namespace AiEtl.Cli.Output;

/// <summary>
/// The output of <c>aietl scan --output yaml</c>: the inferred schema with <c>sensitive:</c> on every column the scan
/// found, so that pasting it under <c>pipeline.source</c> makes the engine mask those values in errors, logs and
/// dead-letter rows; comments give each column's evidence.
/// </summary>
internal static class MaskingSchemaYaml
{
    /// <summary>The schema (inferred, or a database's catalog) with <c>sensitive:</c> on the columns found; <paramref name="nullTokens"/> are those the inference found.</summary>
    public static string Write(Schema inferred, IReadOnlyList<string> nullTokens, IReadOnlyList<SensitiveColumn> scan)
    {
        var found = scan.Where(c => c.IsSensitive).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var fields = inferred.Fields.Select(f => found.TryGetValue(f.Name, out var column) ? f with { Sensitive = column.MaskingKind } : f).ToList();
        var schema = new Schema(inferred.Name, fields) { PrimaryKey = inferred.PrimaryKey, NullCounts = inferred.NullCounts };
        var text = new StringBuilder(SchemaYaml.Write(schema));
        text.Append(CultureInfo.InvariantCulture, $"# {found.Count} of {scan.Count} columns hold sensitive data; paste under pipeline.source: their values are masked in errors, logs and dead-letter rows\n");
        foreach (var column in scan.Where(c => c.IsSensitive))
        {
            text.Append(CultureInfo.InvariantCulture, $"# {column.Name}: sensitive: {SchemaConversion.NameOf(column.MaskingKind)} ({column.Evidence})\n");
        }

        if (nullTokens.Count > 0)
        {
            text.Append("# null tokens found in typed columns; add under source.config: null_values: [")
                .AppendJoin(", ", nullTokens.Select(t => "\"" + t + "\"")).Append("]\n");
        }

        return text.ToString();
    }
}
