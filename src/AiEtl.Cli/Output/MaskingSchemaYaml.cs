using System.Globalization;
using System.Text;
using AiEtl.Cli.Binding;
using AiEtl.Configuration.Model;

namespace AiEtl.Cli.Output;

/// <summary>
/// The output of <c>aietl scan --output yaml</c>: the source's schema (the declared one when the pipeline declares it,
/// else the inferred one or the database's catalog) with <c>sensitive:</c> on every column the scan found, so that
/// pasting it under <c>pipeline.source</c> makes the engine mask those values in errors, logs and dead-letter rows;
/// comments give each column's evidence.
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
        AppendEvidence(text, scan);
        if (nullTokens.Count > 0)
        {
            text.Append("# null tokens found in typed columns; add under source.config: null_values: [")
                .AppendJoin(", ", nullTokens.Select(t => "\"" + t + "\"")).Append("]\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// The pipeline's declared schema as declared, with <c>sensitive:</c> added on the columns found. A CSV header matches
    /// its field whatever its case (the source's default <c>ignore_header_case</c>).
    /// </summary>
    public static string Write(RowSchemaDeclaration declared, string defaultName, bool fromFile, IReadOnlyList<SensitiveColumn> scan)
    {
        var found = new Dictionary<string, SensitiveKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in scan.Where(c => c.IsSensitive))
        {
            found.TryAdd(column.Name, column.MaskingKind);
        }

        var text = new StringBuilder(DeclaredSchemaYaml.Write(declared, defaultName, found));
        var where = fromFile ? "paste under pipeline.source in place of schema_file" : "it replaces pipeline.source.schema";
        text.Append(CultureInfo.InvariantCulture, $"# {found.Count} of {scan.Count} columns hold sensitive data; the declared schema with sensitive: added ({where}): their values are masked in errors, logs and dead-letter rows\n");
        AppendEvidence(text, scan);
        foreach (var column in scan.Where(c => c.IsSensitive && declared.Fields.All(f => !string.Equals(f.Name, c.Name, StringComparison.OrdinalIgnoreCase))))
        {
            text.Append(CultureInfo.InvariantCulture, $"# {column.Name}: the source has this column, the schema does not declare it\n");
        }

        return text.ToString();
    }

    private static void AppendEvidence(StringBuilder text, IReadOnlyList<SensitiveColumn> scan)
    {
        foreach (var column in scan.Where(c => c.IsSensitive))
        {
            text.Append(CultureInfo.InvariantCulture, $"# {column.Name}: sensitive: {SchemaConversion.NameOf(column.MaskingKind)} ({column.Evidence})\n");
        }
    }
}
