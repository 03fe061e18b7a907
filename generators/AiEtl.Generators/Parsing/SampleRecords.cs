using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using AiEtl.Generators.Inference;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AiEtl.Generators;

/// <summary>
/// <c>[EtlRecord(Sample = "data/customers.csv")]</c>: the sample's columns become the record's fields, typed as the
/// runtime's inference types them (docs/inference.md); a property the user declares for a column wins, which is how an
/// unsure column (AIETL0019) is settled.
/// </summary>
internal static class SampleRecords
{
    /// <summary>Infers the columns of one CSV <c>AdditionalFiles</c> item.</summary>
    public static RecordSample Read(AdditionalText text, CancellationToken cancellationToken)
    {
        var columns = SampleInference.Infer(text.GetText(cancellationToken) ?? SourceText.From(""), out var rows, out var sensitive);
        return new RecordSample(text.Path, rows, columns.Select((column, i) => new SampleColumn(
            column.Evidence.Name,
            column.Evidence.Type.ToString(),
            column.Field.IsNullable,
            column.Evidence.Confidence,
            column.Evidence.IsUnsure,
            column.Evidence.Rule,
            string.Join(", ", column.Evidence.Counterexamples),
            sensitive[i].Kind == SensitiveDataKind.None ? null : sensitive[i].MaskingKind.ToString(),
            sensitive[i].Kind == SensitiveDataKind.None ? null : sensitive[i].Evidence)).ToEquatableArray());
    }

    /// <summary>
    /// Adds the columns of the record's sample to its fields, in file order, leaving out those the user declared; the
    /// result of a record without a sample is returned as it is.
    /// </summary>
    public static Result<EtlRecordSpec?> Apply(Result<EtlRecordSpec?> parsed, EquatableArray<RecordSample> samples, ProjectInfo project)
    {
        if (parsed.Value is not { Sample: { } request } spec)
        {
            return parsed;
        }

        var diagnostics = parsed.Diagnostics.ToList();
        var sample = Find(request.Path, samples, project);
        if (sample is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SampleNotFound, request.Location, request.Path, spec.Name));
            return new Result<EtlRecordSpec?>(null, diagnostics.ToEquatableArray());
        }

        if (sample.Columns.IsEmpty || sample.Rows == 0)
        {
            var what = sample.Columns.IsEmpty ? "is empty" : "has a header but no rows";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SampleIsEmptyForRecord, request.Location, request.Path, what, spec.Name));
            return new Result<EtlRecordSpec?>(null, diagnostics.ToEquatableArray());
        }

        var declared = spec.Fields.ToList();
        var fields = new List<FieldSpec>();
        var propertyNames = new HashSet<string>(declared.Select(static field => field.PropertyName), StringComparer.Ordinal);
        foreach (var column in sample.Columns)
        {
            var name = PropertyName(column.Name, fields.Count);
            var mine = declared.FirstOrDefault(field => string.Equals(field.FieldName, column.Name, StringComparison.OrdinalIgnoreCase))
                ?? declared.FirstOrDefault(field => field.PropertyName == name);
            if (mine is not null)
            {
                if (mine.Sensitive is null)
                {
                    SuggestSensitive(diagnostics, column, request, mine.PropertyName, spec.Name);
                }

                declared.Remove(mine);
                fields.Add(mine);
                continue;
            }

            SuggestSensitive(diagnostics, column, request, name, spec.Name);
            if (column.IsUnsure)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsureSampleColumn,
                    request.Location,
                    column.Name,
                    request.Path,
                    Describe(column.Type),
                    column.Confidence.ToString("0.##", CultureInfo.InvariantCulture),
                    column.Rule,
                    column.Doubts.Length == 0 ? "" : "; values that caused the doubt: " + column.Doubts,
                    name,
                    spec.Name));
            }

            while (!propertyNames.Add(name))
            {
                name += "_";
            }

            fields.Add(Field(column, name, request.Path, sample.Rows));
        }

        fields.AddRange(declared);
        var merged = spec with { Fields = fields.ToEquatableArray(), Sample = null };
        return new Result<EtlRecordSpec?>(merged, diagnostics.ToEquatableArray());
    }

    // AIETL0020 for a column the sensitive-data scan finds personal data in, whose property is not [Sensitive].
    private static void SuggestSensitive(List<DiagnosticInfo> diagnostics, SampleColumn column, SampleRequest request, string propertyName, string recordName)
    {
        if (column.Sensitive is { } kind)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.SensitiveSampleColumn, request.Location, column.Name, request.Path, column.SensitiveEvidence ?? "", propertyName, recordName, kind));
        }
    }

    // The sample at the path, relative to the project folder; when the build does not say where that is, the one whose path ends so.
    private static RecordSample? Find(string path, EquatableArray<RecordSample> samples, ProjectInfo project)
    {
        if (project.ProjectDirectory is { Length: > 0 } directory)
        {
            var full = RecordChecks.Normalize(Path.Combine(directory, path));
            return samples.FirstOrDefault(sample => string.Equals(RecordChecks.Normalize(sample.FilePath), full, StringComparison.Ordinal));
        }

        var written = "/" + path.Replace('\\', '/').TrimStart('/');
        return samples.FirstOrDefault(sample => sample.FilePath.Replace('\\', '/').EndsWith(written, StringComparison.Ordinal));
    }

    private static FieldSpec Field(SampleColumn column, string propertyName, string path, int rows)
    {
        var (kind, typeName, isValueType) = column.Type switch
        {
            "Integer" => (FieldValueKind.Int64, "long", true),
            "Float" => (FieldValueKind.Double, "double", true),
            "Decimal" => (FieldValueKind.Decimal, "decimal", true),
            "Boolean" => (FieldValueKind.Boolean, "bool", true),
            "Date" => (FieldValueKind.Date, "global::System.DateOnly", true),
            "DateTime" => (FieldValueKind.DateTime, "global::System.DateTime", true),
            "Timestamp" => (FieldValueKind.DateTimeOffset, "global::System.DateTimeOffset", true),
            "Time" => (FieldValueKind.Time, "global::System.TimeOnly", true),
            "Guid" => (FieldValueKind.Guid, "global::System.Guid", true),
            "Json" => (FieldValueKind.Json, "string", false),
            _ => (FieldValueKind.String, "string", false),
        };
        var summary = string.Format(
            CultureInfo.InvariantCulture,
            "The <c>{0}</c> column of {1}: {2}{3}, inferred from {4} sampled rows (confidence {5:0.###}): {6}.",
            Escape(column.Name),
            Escape(path),
            Describe(column.Type),
            column.IsNullable ? " or empty" : "",
            rows,
            column.Confidence,
            Escape(column.Rule));
        return new FieldSpec(propertyName, column.Name, kind, null, column.IsNullable, column.IsNullable && isValueType, false, null)
        {
            Inferred = new InferredProperty(typeName + (column.IsNullable ? "?" : ""), summary),
        };
    }

    // The column name as a C# property name: its words capitalised and joined (signup_date: SignupDate).
    private static string PropertyName(string column, int index)
    {
        var name = new StringBuilder();
        var start = true;
        foreach (var c in column)
        {
            if (!char.IsLetterOrDigit(c))
            {
                start = true;
                continue;
            }

            name.Append(start ? char.ToUpperInvariant(c) : c);
            start = false;
        }

        if (name.Length == 0)
        {
            return "Column" + (index + 1).ToString(CultureInfo.InvariantCulture);
        }

        if (char.IsDigit(name[0]))
        {
            name.Insert(0, '_');
        }

        return Identifiers.Escape(name.ToString());
    }

    private static string Describe(string type) => type switch
    {
        "Integer" => "integer",
        "Float" => "float",
        "Decimal" => "decimal",
        "Boolean" => "boolean",
        "Date" => "date",
        "DateTime" => "date-time",
        "Timestamp" => "timestamp",
        "Time" => "time",
        "Guid" => "uuid",
        "Json" => "JSON",
        _ => "text",
    };

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
