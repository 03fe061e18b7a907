using System.Collections.Generic;
using System.Globalization;
using AiEtl.Configuration.Model;

namespace AiEtl.Generators;

/// <summary>
/// A pipeline file that declares its rows inline (<c>source.schema</c>) gets a record generated for them: a
/// <c>partial record struct</c> with one property per field, and the same <c>IEtlRecord</c> implementation an
/// <c>[EtlRecord]</c> type gets, so YAML alone gives a typed pipeline.
/// </summary>
internal static class InlineRecords
{
    public static EtlRecordSpec Spec(
        RowSchemaDeclaration schema, string? recordName, string pipelineName, string? rootNamespace, YamlPipelineParser.Reader reader, List<DiagnosticInfo> diagnostics)
    {
        var (ns, name) = Split(recordName, rootNamespace, PipelineNames.RecordName(schema.Name ?? pipelineName));
        var fields = new List<FieldSpec>();
        var properties = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var field in schema.Fields)
        {
            var property = PipelineNames.PascalCase(field.Name);
            if (!properties.Add(property) || property == name)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InlineFieldNameClash, reader.At(field.Position), field.Name, property));
                continue;
            }

            fields.Add(Field(field, property, IsKey(schema, field)));
        }

        var fullName = "global::" + (ns is null ? "" : ns + ".") + name;
        return new EtlRecordSpec(
            ns,
            default,
            "record struct",
            name,
            fullName,
            (ns is null ? "" : ns + ".") + name + ".g.cs",
            schema.Name ?? pipelineName,
            "1.0",
            new EquatableArray<FieldSpec>(fields.ToArray()));
    }

    /// <summary>The C# type of a field's property, as the generated declaration writes it.</summary>
    public static string PropertyType(FieldSpec field)
    {
        var element = field.Kind == FieldValueKind.Json ? "string" : Emitter.GetTypeName(field.Kind);
        if (field.Collection != CollectionKind.None)
        {
            return "global::System.Collections.Generic.IReadOnlyList<" + element + ">" + (field.IsNullable ? "?" : "");
        }

        return element + (field.IsNullable ? "?" : "");
    }

    private static bool IsKey(RowSchemaDeclaration schema, FieldDeclaration field)
    {
        if (field.PrimaryKey)
        {
            return true;
        }

        foreach (var key in schema.PrimaryKey)
        {
            if (key == field.Name)
            {
                return true;
            }
        }

        return false;
    }

    private static FieldSpec Field(FieldDeclaration field, string property, bool primaryKey)
    {
        var isArray = field.Type == "array";
        var kind = KindOf(isArray ? field.ElementType ?? "string" : field.Type);
        var nullable = field.Nullable && !primaryKey;
        var isValueType = kind is not (FieldValueKind.String or FieldValueKind.Json) && !isArray;
        return new FieldSpec(property, field.Name, kind, null, nullable, nullable && isValueType, primaryKey, property)
        {
            Collection = isArray ? CollectionKind.ReadOnlyList : CollectionKind.None,
            Min = isArray ? null : Constant(field.MinValue, kind),
            Max = isArray ? null : Constant(field.MaxValue, kind),
            Pattern = kind == FieldValueKind.String && !isArray ? field.Pattern : null,
            AllowedValues = kind == FieldValueKind.String && !isArray && field.EnumValues is { } allowed ? Strings(allowed) : default,
            Description = field.Description,
            // A generated record masks whole fields only: a json field with sensitive_paths is masked whole, never in clear.
            Sensitive = SensitiveName(field.Sensitive) ?? (field.SensitivePaths.Count > 0 ? "Other" : null),
        };
    }

    private static FieldValueKind KindOf(string type) => type switch
    {
        "integer" => FieldValueKind.Int64,
        "float" => FieldValueKind.Double,
        "decimal" => FieldValueKind.Decimal,
        "boolean" => FieldValueKind.Boolean,
        "date" => FieldValueKind.Date,
        "time" => FieldValueKind.Time,
        "datetime" => FieldValueKind.DateTime,
        "timestamp" => FieldValueKind.DateTimeOffset,
        "guid" => FieldValueKind.Guid,
        "json" => FieldValueKind.Json,
        _ => FieldValueKind.String,
    };

    // Only numbers have ranges in an inline schema; the configuration model has checked that they are numbers.
    private static ConstantSpec? Constant(object? value, FieldValueKind kind)
    {
        var text = value switch
        {
            long whole => whole.ToString(CultureInfo.InvariantCulture),
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed.ToString("R", CultureInfo.InvariantCulture),
            _ => null,
        };
        if (text is null)
        {
            return null;
        }

        return kind switch
        {
            FieldValueKind.Int64 when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => new ConstantSpec(text + "L", text),
            FieldValueKind.Double => new ConstantSpec(text + "d", text),
            FieldValueKind.Decimal => new ConstantSpec(text + "m", text),
            _ => null,
        };
    }

    private static EquatableArray<ConstantSpec> Strings(IReadOnlyList<string> values)
    {
        var constants = new ConstantSpec[values.Count];
        for (var i = 0; i < constants.Length; i++)
        {
            constants[i] = new ConstantSpec(Emitter.Literal(values[i]), values[i]);
        }

        return new EquatableArray<ConstantSpec>(constants);
    }

    private static string? SensitiveName(string kind) => kind switch
    {
        "email" => "Email",
        "phone" => "Phone",
        "ssn" => "Ssn",
        "credit_card" => "CreditCard",
        "other" => "Other",
        _ => null,
    };

    private static (string? Namespace, string Name) Split(string? recordName, string? rootNamespace, string fallback)
    {
        if (recordName is null)
        {
            return (rootNamespace, fallback);
        }

        var dot = recordName.LastIndexOf('.');
        return dot < 0 ? (rootNamespace, recordName) : (recordName.Substring(0, dot), recordName.Substring(dot + 1));
    }
}
