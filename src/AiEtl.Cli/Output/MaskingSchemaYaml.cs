using System.Globalization;
using System.Text;
using AiEtl.Cli.Binding;
using AiEtl.Cli.Commands;
using AiEtl.Configuration.Model;

namespace AiEtl.Cli.Output;

/// <summary>
/// The output of <c>aietl scan --output yaml</c>: the source's schema (the declared one when the pipeline declares it,
/// else the inferred one or the database's catalog) with <c>sensitive:</c> on every column the scan found (and
/// <c>sensitive_paths:</c> on a json field with values found nested in it), so that
/// pasting it under <c>pipeline.source</c> makes the engine mask those values in errors, logs and dead-letter rows;
/// comments give each column's evidence.
/// </summary>
internal static class MaskingSchemaYaml
{
    /// <summary>The schema (inferred, or a database's catalog) with <c>sensitive:</c> on the fields found; <paramref name="nullTokens"/> are those the inference found.</summary>
    public static string Write(Schema inferred, IReadOnlyList<string> nullTokens, ScannedColumns scan)
    {
        var found = scan.FieldKinds(StringComparer.Ordinal);
        var paths = scan.FieldPaths(StringComparer.Ordinal);
        var fields = inferred.Fields.Select(f =>
            found.TryGetValue(f.Name, out var kind) ? f with { Sensitive = kind }
            : !paths.TryGetValue(f.Name, out var inside) ? f
            : f.Type == FieldType.Json ? f with { SensitivePaths = inside }

            // Paths need a json field: values nested in a field inferred otherwise mask all of it.
            : f with { Sensitive = SensitiveKind.Other }).ToList();
        var schema = new Schema(inferred.Name, fields) { PrimaryKey = inferred.PrimaryKey, NullCounts = inferred.NullCounts };
        var text = new StringBuilder(SchemaYaml.Write(schema));
        text.Append(CultureInfo.InvariantCulture, $"# {Sensitive(scan)} of {scan.Columns.Count} columns hold sensitive data; paste under pipeline.source: their values are masked in errors, logs and dead-letter rows\n");
        AppendEvidence(text, scan);
        if (nullTokens.Count > 0)
        {
            text.Append("# null tokens found in typed columns; add under source.config: null_values: [")
                .AppendJoin(", ", nullTokens.Select(t => "\"" + t + "\"")).Append("]\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// The pipeline's declared schema as declared, with <c>sensitive:</c> added on the fields found. A CSV header matches
    /// its field whatever its case (the source's default <c>ignore_header_case</c>).
    /// </summary>
    public static string Write(RowSchemaDeclaration declared, string defaultName, bool fromFile, ScannedColumns scan)
    {
        var found = scan.FieldKinds(StringComparer.OrdinalIgnoreCase);
        var text = new StringBuilder(DeclaredSchemaYaml.Write(declared, defaultName, found, scan.FieldPaths(StringComparer.OrdinalIgnoreCase)));
        var where = fromFile ? "paste under pipeline.source in place of schema_file" : "it replaces pipeline.source.schema";
        text.Append(CultureInfo.InvariantCulture, $"# {Sensitive(scan)} of {scan.Columns.Count} columns hold sensitive data; the declared schema with sensitive: added ({where}): their values are masked in errors, logs and dead-letter rows\n");
        AppendEvidence(text, scan);
        foreach (var field in found.Keys.Where(name => declared.Fields.All(f => !string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))))
        {
            text.Append(CultureInfo.InvariantCulture, $"# {field}: the source has this column, the schema does not declare it\n");
        }

        return text.ToString();
    }

    private static int Sensitive(ScannedColumns scan) => scan.Columns.Count(c => c.IsSensitive);

    private static void AppendEvidence(StringBuilder text, ScannedColumns scan)
    {
        for (var i = 0; i < scan.Columns.Count; i++)
        {
            var column = scan.Columns[i];
            if (column.IsSensitive)
            {
                var kind = SchemaConversion.NameOf(column.MaskingKind);
                if (scan.IsNested(i) && !scan.MaskedWhole().Any(m => m.Field == scan.Fields[i]))
                {
                    // Masked at its path inside the field (sensitive_paths), the rest of the field's JSON readable.
                    text.Append(CultureInfo.InvariantCulture, $"# {column.Name}: {kind}, nested in {scan.Fields[i]}: sensitive_paths ({column.Evidence})\n");
                }
                else if (scan.FieldsHoldingContainers.Contains(scan.Fields[i]))
                {
                    // Its field is masked whole (below): the kind found is evidence, not the field's sensitive:.
                    var where = scan.IsNested(i) ? ", nested in " + scan.Fields[i] : "";
                    text.Append(CultureInfo.InvariantCulture, $"# {column.Name}: {kind}{where} ({column.Evidence})\n");
                }
                else
                {
                    text.Append(CultureInfo.InvariantCulture, $"# {column.Name}: sensitive: {kind} ({column.Evidence})\n");
                }
            }
        }

        // A path names a value inside the field's objects and arrays, not the field's own strings: such a field is masked whole, as other.
        foreach (var (field, columns) in scan.MaskedWhole())
        {
            text.Append(CultureInfo.InvariantCulture, $"# {field}: sensitive: other for {string.Join(", ", columns)}: {field} holds a sensitive value of its own in some rows and objects or arrays in others, so all of its value is masked as ***\n");
        }
    }
}
