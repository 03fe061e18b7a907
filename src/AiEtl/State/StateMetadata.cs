using System.Text.Json.Serialization;

namespace AiEtl;

/// <summary>The state file's format version and creation time.</summary>
public sealed record StateMetadata
{
    /// <summary>The state format version.</summary>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "1.0";

    /// <summary>When the state was first created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }
}
