using System.Text.Json.Serialization;

namespace AiEtl;

/// <summary>The JSON of a file destination's checkpoint manifest (<see cref="FileCheckpointManifest"/>): the committed checkpoints and the publication in progress.</summary>
internal sealed record FileManifest
{
    [JsonPropertyName("version")]
    public int Version { get; init; } = 1;

    [JsonPropertyName("streams")]
    public List<FileManifestEntry> Streams { get; init; } = [];

    [JsonPropertyName("pending")]
    public PendingPublication? Pending { get; init; }
}

/// <summary>The committed checkpoint of one pipeline reading one source into the file.</summary>
internal sealed record FileManifestEntry
{
    [JsonPropertyName("pipeline_id")]
    public required string PipelineId { get; init; }

    [JsonPropertyName("source_id")]
    public required string SourceId { get; init; }

    [JsonPropertyName("state")]
    public required PipelineState State { get; init; }

    /// <summary>Every committed delta of each resumable transform, concatenated (base64 in the JSON).</summary>
    [JsonPropertyName("transform_state")]
    public Dictionary<string, byte[]> TransformState { get; init; } = [];
}

/// <summary>A publication between its first and last step: the finished temp file, its size and the checkpoint it commits.</summary>
internal sealed record PendingPublication
{
    [JsonPropertyName("temp_file")]
    public required string TempFile { get; init; }

    [JsonPropertyName("size")]
    public long Size { get; init; }

    [JsonPropertyName("replaces")]
    public bool Replaces { get; init; }

    [JsonPropertyName("entry")]
    public required FileManifestEntry Entry { get; init; }
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(FileManifest))]
internal sealed partial class FileManifestJsonContext : JsonSerializerContext
{
}
