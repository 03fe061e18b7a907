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
    public static bool Applies(Schema schema) => schema.Fields.Any(f => f.Sensitive != SensitiveKind.None);

    /// <summary>The raw text with each sensitive value (its text and kind) masked.</summary>
    public static string Mask(string raw, IEnumerable<(string? Value, SensitiveKind Kind)> values)
    {
        foreach (var (value, kind) in values)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var mask = Internal.ViolationValues.Mask(value, kind);
            raw = raw
                .Replace(JsonSerializer.Serialize(value, CheckpointJsonContext.Default.String), JsonSerializer.Serialize(mask, CheckpointJsonContext.Default.String), StringComparison.Ordinal)
                .Replace(value.Replace("\"", "\"\"", StringComparison.Ordinal), mask, StringComparison.Ordinal)
                .Replace(value, mask, StringComparison.Ordinal);
        }

        return raw;
    }
}
