using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AiEtl.Json;

/// <summary>
/// Writes a <see cref="Schema"/> as JSON Schema (draft 2020-12) for one row object: types and formats,
/// nullability (<c>["integer", "null"]</c>), required fields, and the fields' declared constraints
/// (minimum, maximum, pattern, enum, description). Inference metadata goes under <c>x-</c> keywords.
/// </summary>
public static class JsonSchemaExport
{
    /// <summary>The schema as indented JSON text.</summary>
    public static string ToJson(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(schema, writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    /// <summary>Writes the schema to <paramref name="writer"/>.</summary>
    public static void Write(Schema schema, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
        writer.WriteString("title", schema.Name);
        writer.WriteString("type", "object");
        writer.WriteStartObject("properties");
        foreach (var field in schema.Fields)
        {
            writer.WriteStartObject(field.Name);
            WriteField(field, writer);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartArray("required");
        foreach (var field in schema.Fields.Where(f => !f.IsNullable))
        {
            writer.WriteStringValue(field.Name);
        }

        writer.WriteEndArray();
        if (schema.PrimaryKey is { Count: > 0 } key)
        {
            writer.WriteStartArray("x-primary-key");
            foreach (var name in key)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
        }

        writer.WriteString("x-version", schema.Version);
        if (schema.IsInferred)
        {
            writer.WriteBoolean("x-inferred", true);
            if (schema.SampleSize is { } sampleSize)
            {
                writer.WriteNumber("x-sample-size", sampleSize);
            }

            if (schema.NullCounts is { } nullCounts)
            {
                writer.WriteStartObject("x-null-counts");
                foreach (var (name, count) in nullCounts)
                {
                    writer.WriteNumber(name, count);
                }

                writer.WriteEndObject();
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteField(Field field, Utf8JsonWriter writer)
    {
        var (type, format) = TypeOf(field.Type);
        if (type is not null)
        {
            if (field.IsNullable)
            {
                writer.WriteStartArray("type");
                writer.WriteStringValue(type);
                writer.WriteStringValue("null");
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteString("type", type);
            }
        }

        if (format is not null)
        {
            writer.WriteString("format", format);
        }

        if (field.Type == FieldType.Array && field.ElementType is { } elementType)
        {
            var (itemType, itemFormat) = TypeOf(elementType);
            writer.WriteStartObject("items");
            if (itemType is not null)
            {
                writer.WriteString("type", itemType);
            }

            if (itemFormat is not null)
            {
                writer.WriteString("format", itemFormat);
            }

            writer.WriteEndObject();
        }

        if (field.Description is { } description)
        {
            writer.WriteString("description", description);
        }

        WriteBound(writer, "minimum", field.MinValue);
        WriteBound(writer, "maximum", field.MaxValue);
        if (field.Pattern is { } pattern)
        {
            writer.WriteString("pattern", pattern);
        }

        if (field.AllowedValues is { } allowed)
        {
            writer.WriteStartArray("enum");
            foreach (var value in allowed)
            {
                WriteValue(writer, value);
            }

            if (field.IsNullable && !allowed.Contains(null))
            {
                writer.WriteNullValue();
            }

            writer.WriteEndArray();
        }

        // The masking goes with the schema, so that the file read back as a pipeline's schema_file masks the same values.
        if (field.Sensitive != SensitiveKind.None)
        {
            writer.WriteString("x-sensitive", KindName(field.Sensitive));
        }

        if (field.SensitivePaths.Count > 0)
        {
            writer.WriteStartObject("x-sensitive-paths");
            foreach (var path in field.SensitivePaths)
            {
                writer.WriteString(path.Path, KindName(path.Kind));
            }

            writer.WriteEndObject();
        }

        if (field.IsInferred)
        {
            writer.WriteBoolean("x-inferred", true);
            if (field.Confidence is { } confidence)
            {
                writer.WriteNumber("x-confidence", Math.Round(confidence, 4));
            }
        }
    }

    // The kind as a pipeline file spells it (sensitive: credit_card).
    private static string KindName(SensitiveKind kind) => kind switch
    {
        SensitiveKind.Email => "email",
        SensitiveKind.Phone => "phone",
        SensitiveKind.Ssn => "ssn",
        SensitiveKind.CreditCard => "credit_card",
        _ => "other",
    };

    private static (string? Type, string? Format) TypeOf(FieldType type) => type switch
    {
        FieldType.String => ("string", null),
        FieldType.Integer => ("integer", null),
        FieldType.Float or FieldType.Decimal => ("number", null),
        FieldType.Boolean => ("boolean", null),
        FieldType.Date => ("string", "date"),
        FieldType.Time => ("string", "time"),
        FieldType.DateTime or FieldType.Timestamp => ("string", "date-time"),
        FieldType.Guid => ("string", "uuid"),
        FieldType.Array => ("array", null),
        _ => (null, null), // Json: any JSON value.
    };

    private static void WriteBound(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case int or long or short or byte or double or float or decimal:
                writer.WritePropertyName(name);
                writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                return;
            default:
                // Dates and other bounds have no JSON Schema keyword: kept for readers that know them.
                writer.WritePropertyName($"x-{name}");
                WriteValue(writer, value);
                return;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or short or byte or double or float or decimal:
                writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
