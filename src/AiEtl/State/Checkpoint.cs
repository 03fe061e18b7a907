using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiEtl;

/// <summary>Where a source resumes: an offset, the last record's id and adapter-specific values.</summary>
public sealed record Checkpoint
{
    /// <summary>The adapter's offset: rows read for a CSV file, a cursor position for a database.</summary>
    [JsonPropertyName("offset")]
    public long Offset { get; init; }

    /// <summary>The id of the last record committed.</summary>
    [JsonPropertyName("last_record_id")]
    public string? LastRecordId { get; init; }

    /// <summary>Adapter-specific values, such as a byte offset or a cursor value.</summary>
    [JsonPropertyName("custom_state")]
    public Dictionary<string, JsonElement> CustomState { get; init; } = [];

    /// <summary>Value equality that includes the custom values.</summary>
    public bool Equals(Checkpoint? other) =>
        other is not null
        && Offset == other.Offset
        && LastRecordId == other.LastRecordId
        && CustomState.Count == other.CustomState.Count
        && CustomState.All(pair => other.CustomState.TryGetValue(pair.Key, out var value)
            && JsonElement.DeepEquals(pair.Value, value));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Offset, LastRecordId, CustomState.Count);
}
