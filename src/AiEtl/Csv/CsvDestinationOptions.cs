using System.Text;

namespace AiEtl.Csv;

/// <summary>The CSV destination's configuration: the target, the dialect, the encoding, the write mode and the compression.</summary>
/// <param name="Path">The target file; its extension gives the compression unless <see cref="Compression"/> is set.</param>
public sealed record CsvDestinationOptions(string Path)
{
    /// <summary>The field separator.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>The quote character (RFC 4180: <c>"</c>).</summary>
    public char Quote { get; init; } = '"';

    /// <summary>The text encoding; <see langword="null"/> for UTF-8 without a byte order mark.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Whether a new file starts with a header row of the field names. An appended file never gets a second one.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Replace the file (the default) or append to it; <see cref="WriteMode.Merge"/> is refused.</summary>
    public WriteMode WriteMode { get; init; } = WriteMode.Replace;

    /// <summary>
    /// What an existing or missing file means: create it (the default; an appended file must have the rows' header),
    /// fail when it is missing or its header is not the rows' fields, or start it anew whatever is there.
    /// </summary>
    public SchemaMode SchemaMode { get; init; } = SchemaMode.CreateIfMissing;

    /// <summary>The compression; <see langword="null"/> to take it from the extension (<c>.gz</c>, <c>.zip</c>, <c>.bz2</c>, <c>.zst</c>).</summary>
    public FileCompression? Compression { get; init; }

    /// <summary>
    /// How hard gzip, zip and zstd compress: <see cref="System.IO.Compression.CompressionLevel.Fastest"/> (the default:
    /// gzip and zip level 1, about 20 % larger than <c>gzip -1</c> at three times its speed; zstd level 1), <see
    /// cref="System.IO.Compression.CompressionLevel.Optimal"/> (gzip and zip level 6, a third smaller for 3.5 times the
    /// CPU; zstd level 3), <see cref="System.IO.Compression.CompressionLevel.SmallestSize"/> or <see
    /// cref="System.IO.Compression.CompressionLevel.NoCompression"/> (zstd: level 1). bzip2 has one level.
    /// </summary>
    public System.IO.Compression.CompressionLevel CompressionLevel { get; init; } = System.IO.Compression.CompressionLevel.Fastest;

    /// <summary>The text written for a null value (empty by default, which the CSV source reads as null).</summary>
    public string NullValue { get; init; } = "";

    /// <summary>The record separator: <c>"\r\n"</c> as RFC 4180 says, or <c>"\n"</c>.</summary>
    public string NewLine { get; init; } = "\r\n";
}
