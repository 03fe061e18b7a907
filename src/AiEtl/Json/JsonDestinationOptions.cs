
namespace AiEtl.Json;

/// <summary>The JSON destination's configuration: the target, its layout, indentation, the write mode, the compression and the schema export.</summary>
/// <param name="Path">The target file; its extension gives the compression, and <c>.jsonl</c>/<c>.ndjson</c> the lines format, unless set below.</param>
public sealed record JsonDestinationOptions(string Path)
{
    /// <summary>Array or lines; <see langword="null"/> to take it from the extension.</summary>
    public JsonFormat? Format { get; init; }

    /// <summary>Indents the output (array format only: a JSON line must stay on one line).</summary>
    public bool Pretty { get; init; }

    /// <summary>
    /// Replace the file (the default) or append to it; <see cref="WriteMode.Merge"/> is refused. Appending to an array
    /// rewrites its closing bracket, so it needs an uncompressed file.
    /// </summary>
    public WriteMode WriteMode { get; init; } = WriteMode.Replace;

    /// <summary>
    /// What an existing or missing file means: create it (the default), fail when it is missing or its first row's
    /// fields are not the rows' fields, or start it anew whatever is there (an append too).
    /// </summary>
    public SchemaMode SchemaMode { get; init; } = SchemaMode.CreateIfMissing;

    /// <summary>The compression; <see langword="null"/> to take it from the extension.</summary>
    public FileCompression? Compression { get; init; }

    /// <summary>
    /// How hard gzip, zip and zstd compress: <see cref="System.IO.Compression.CompressionLevel.Fastest"/> (the default:
    /// gzip and zip level 1, about 20 % larger than <c>gzip -1</c> at three times its speed; zstd level 1), <see
    /// cref="System.IO.Compression.CompressionLevel.Optimal"/> (gzip and zip level 6, a third smaller for 3.5 times the
    /// CPU; zstd level 3), <see cref="System.IO.Compression.CompressionLevel.SmallestSize"/> or <see
    /// cref="System.IO.Compression.CompressionLevel.NoCompression"/> (zstd: level 1). bzip2 has one level.
    /// </summary>
    public System.IO.Compression.CompressionLevel CompressionLevel { get; init; } = System.IO.Compression.CompressionLevel.Fastest;

    /// <summary>Writes the schema as JSON Schema 2020-12 beside the file when the run completes.</summary>
    public bool ExportSchema { get; init; }

    /// <summary>Where the schema goes; <see langword="null"/> for <c>&lt;name&gt;.schema.json</c> beside the target.</summary>
    public string? SchemaPath { get; init; }
}
