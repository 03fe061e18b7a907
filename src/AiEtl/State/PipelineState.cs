using System.Text.Json.Serialization;

namespace AiEtl;

/// <summary>
/// The incremental state of one source loaded into one destination by one pipeline, as saved in its state file
/// (snake_case JSON: <c>pipeline_id</c>, <c>adapter_id</c>, <c>checkpoint</c>, ...).
/// </summary>
public sealed record PipelineState
{
    /// <summary>The pipeline the state belongs to.</summary>
    [JsonPropertyName("pipeline_id")]
    public required string PipelineId { get; init; }

    /// <summary>The kind of source: <c>csv</c>, <c>postgres</c>, ...</summary>
    [JsonPropertyName("adapter_type")]
    public required string AdapterType { get; init; }

    /// <summary>The source's identity: a file path, a table.</summary>
    [JsonPropertyName("adapter_id")]
    public required string AdapterId { get; init; }

    /// <summary>The kind of destination the checkpoint belongs to: <c>sqlite</c>, <c>postgres</c>, <c>jsonl</c>, ...</summary>
    [JsonPropertyName("destination_type")]
    public string? DestinationType { get; init; }

    /// <summary>
    /// The destination's identity (a database and table, a file): part of the state's identity, so the same pipeline
    /// loading another destination starts from nothing.
    /// </summary>
    [JsonPropertyName("destination_id")]
    public string? DestinationId { get; init; }

    /// <summary>When the state was last saved.</summary>
    [JsonPropertyName("last_run")]
    public DateTimeOffset? LastRun { get; init; }

    /// <summary>The source's last-modified time when it was read.</summary>
    [JsonPropertyName("last_modified")]
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>How many records have been processed in total.</summary>
    [JsonPropertyName("records_processed")]
    public long RecordsProcessed { get; init; }

    /// <summary>A hash of the part of the file already read (<c>xxh128:...</c>; <c>sha256:...</c> from earlier versions).</summary>
    [JsonPropertyName("file_hash")]
    public string? FileHash { get; init; }

    /// <summary>Where to resume.</summary>
    [JsonPropertyName("checkpoint")]
    public Checkpoint Checkpoint { get; init; } = new();

    /// <summary>The state file's own metadata.</summary>
    [JsonPropertyName("metadata")]
    public StateMetadata Metadata { get; init; } = new();
}
