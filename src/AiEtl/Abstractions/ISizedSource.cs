namespace AiEtl;

/// <summary>A source that knows its size in bytes and how far a position is into it, for progress and an ETA.</summary>
internal interface ISizedSource
{
    /// <summary>The bytes to read, or <see langword="null"/> when unknown (a glob, a compressed file, a table).</summary>
    long? TotalBytes { get; }

    /// <summary>The bytes before <paramref name="position"/>, or <see langword="null"/> when it does not say.</summary>
    long? BytesBefore(SourceState position);
}
