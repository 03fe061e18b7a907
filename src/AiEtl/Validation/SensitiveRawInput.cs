using System.Text.Json;

namespace AiEtl;

/// <summary>
/// The raw input a dead-letter entry keeps, with the values of the schema's sensitive fields masked
/// (<see cref="Internal.ViolationValues.Mask"/>), so a row rejected for another field does not carry an email or a
/// card number in clear. Each value is replaced wherever it occurs in the raw text, in its plain form and in its
/// CSV-quoted and JSON forms: masking more than the field is the safe side. A row that cannot be split into fields
/// (bad quoting, malformed JSON) keeps no raw input at all when the schema has a sensitive field. Such an entry can
/// only be replayed from the source at its location (file, line), since the masked values cannot be; <c>aietl dlq
/// replay</c> reports it not replayable.
/// </summary>
internal static class SensitiveRawInput
{
    public static bool Applies(Schema schema) => FieldMasks.Applies(schema);

    /// <summary>The raw text with each sensitive value (its text and the field that masks it) masked.</summary>
    public static string Mask(string raw, IEnumerable<(string? Value, Field Field)> values)
    {
        foreach (var (value, field) in values)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            // (A JSON field masked at paths keeps its quotes, so its CSV-quoted form gets them doubled back.)
            var mask = FieldMasks.Mask(field, value);
            raw = raw
                .Replace(JsonSerializer.Serialize(value, CheckpointJsonContext.Default.String), JsonSerializer.Serialize(mask, CheckpointJsonContext.Default.String), StringComparison.Ordinal)
                .Replace(value.Replace("\"", "\"\"", StringComparison.Ordinal), mask.Replace("\"", "\"\"", StringComparison.Ordinal), StringComparison.Ordinal)
                .Replace(value, mask, StringComparison.Ordinal);
        }

        return raw;
    }
}
