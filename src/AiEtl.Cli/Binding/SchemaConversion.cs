using System.Globalization;
using AiEtl.Configuration.Model;

namespace AiEtl.Cli.Binding;

/// <summary>A declared row schema as the runtime's <see cref="Schema"/>: field types, constraints in the fields' CLR types, sensitivity.</summary>
internal static class SchemaConversion
{
    public static Schema ToSchema(RowSchemaDeclaration declaration, string defaultName, ConfigSection schemaSection, BindingProblems problems)
    {
        var fields = new List<Field>();
        var sections = schemaSection.GetSections("fields");
        for (var i = 0; i < declaration.Fields.Count; i++)
        {
            var declared = declaration.Fields[i];
            var section = i < sections.Count ? sections[i] : schemaSection;
            var type = FieldTypeOf(declared.Type);
            fields.Add(new Field(declared.Name, type)
            {
                IsNullable = declared.Nullable,
                ElementType = declared.ElementType is { } element ? FieldTypeOf(element) : null,
                Description = declared.Description,
                MinValue = Bound(declared.MinValue, type, section, "min_value", problems),
                MaxValue = Bound(declared.MaxValue, type, section, "max_value", problems),
                Pattern = declared.Pattern,
                AllowedValues = declared.EnumValues is { } values ? [.. values.Select(v => Bound(v, type, section, "enum_values", problems))] : null,
                Sensitive = SensitiveOf(declared.Sensitive),
                SensitivePaths = [.. declared.SensitivePaths.Select(p => new SensitivePath(p.Key, SensitiveOf(p.Value)))],
            });
        }

        return new Schema(declaration.Name ?? defaultName, fields)
        {
            PrimaryKey = declaration.PrimaryKey.Count > 0 ? declaration.PrimaryKey : null,
        };
    }

    public static bool HasConstraints(Schema schema) =>
        schema.Fields.Any(f => f.MinValue is not null || f.MaxValue is not null || f.Pattern is not null || f.AllowedValues is not null || !f.IsNullable);

    public static FieldType FieldTypeOf(string name) => name switch
    {
        "integer" => FieldType.Integer,
        "float" => FieldType.Float,
        "boolean" => FieldType.Boolean,
        "date" => FieldType.Date,
        "datetime" => FieldType.DateTime,
        "timestamp" => FieldType.Timestamp,
        "json" => FieldType.Json,
        "array" => FieldType.Array,
        "decimal" => FieldType.Decimal,
        "guid" => FieldType.Guid,
        "time" => FieldType.Time,
        _ => FieldType.String,
    };

    public static string NameOf(FieldType type) => type switch
    {
        FieldType.DateTime => "datetime",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>The YAML name of a sensitive kind (<c>credit_card</c>), as <c>sensitive:</c> takes it.</summary>
    public static string NameOf(SensitiveKind kind) => kind switch
    {
        SensitiveKind.CreditCard => "credit_card",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static SensitiveKind SensitiveOf(string name) => name switch
    {
        "email" => SensitiveKind.Email,
        "phone" => SensitiveKind.Phone,
        "ssn" => SensitiveKind.Ssn,
        "credit_card" => SensitiveKind.CreditCard,
        "other" => SensitiveKind.Other,
        _ => SensitiveKind.None,
    };

    // A bound is compared with the field's values, so it must be in the field's CLR type (as RecordCodec reads them).
    private static object? Bound(object? value, FieldType type, ConfigSection section, string key, BindingProblems problems)
    {
        if (value is null)
        {
            return null;
        }

        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        object? bound = type switch
        {
            FieldType.Integer => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            FieldType.Float => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            FieldType.Decimal => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : null,
            FieldType.Date => DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date) ? date : null,
            FieldType.Time => TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out var time) ? time : null,
            FieldType.DateTime => DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var dt) ? dt : null,
            FieldType.Timestamp => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ts) ? ts : null,
            FieldType.Boolean => bool.TryParse(text, out var b) ? b : null,
            FieldType.Guid => Guid.TryParse(text, out var g) ? g : null,
            _ => text,
        };
        if (bound is null)
        {
            problems.Invalid(section, key, "'" + text + "' is not a value of the field's type " + NameOf(type));
        }

        return bound;
    }
}
