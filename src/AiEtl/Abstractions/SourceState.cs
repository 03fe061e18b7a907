
namespace AiEtl;

/// <summary>A source's position: what it has read and where to resume, the adapter's part of a <see cref="PipelineState"/>.</summary>
public sealed record SourceState
{
    /// <summary>Records read (good and bad) up to this position, counted from the very first run.</summary>
    public long RecordsProcessed { get; init; }

    /// <summary>Where to resume.</summary>
    public Checkpoint Checkpoint { get; init; } = new();

    /// <summary>A hash of the input read so far, to detect a rewritten file.</summary>
    public string? FileHash { get; init; }

    /// <summary>The input's last-modified time.</summary>
    public DateTimeOffset? LastModified { get; init; }
}
