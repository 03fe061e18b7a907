namespace AiEtl;

/// <summary>How a file adapter's file is compressed.</summary>
public enum FileCompression
{
    /// <summary>Plain text.</summary>
    None,

    /// <summary>gzip (<c>.gz</c>); appending adds a gzip member, which every gzip reader concatenates.</summary>
    Gzip,

    /// <summary>A zip archive (<c>.zip</c>) with one entry named after the file; cannot be appended to.</summary>
    Zip,

    /// <summary>bzip2 (<c>.bz2</c>); appending adds a bzip2 stream.</summary>
    Bzip2,

    /// <summary>xz (<c>.xz</c>): read only; no maintained library writes it here, so writing is refused.</summary>
    Xz,

    /// <summary>Zstandard (<c>.zst</c>); appending adds a frame.</summary>
    Zstd,
}
