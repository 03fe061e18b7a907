
namespace AiEtl.Json;

/// <summary>The JSON source's configuration.</summary>
/// <param name="Path">The file; its extension gives the compression, and <c>.jsonl</c>/<c>.ndjson</c> the lines format, unless set below.</param>
public sealed record JsonSourceOptions(string Path)
{
    /// <summary>Array or lines; <see langword="null"/> to take it from the extension.</summary>
    public JsonFormat? Format { get; init; }

    /// <summary>The compression; <see langword="null"/> to take it from the extension (<c>.gz</c>, <c>.zip</c>, <c>.bz2</c>, <c>.xz</c>, <c>.zst</c>).</summary>
    public FileCompression? Compression { get; init; }

    /// <summary>Whether property names match field names ignoring case when no exact match exists.</summary>
    public bool IgnorePropertyCase { get; init; } = true;

    /// <summary>
    /// How many batches are turned from JSON into rows at once, on the thread pool, while the reading thread finds the
    /// next values; <see langword="null"/> (the default) for one more than the processor count, 1 to build rows on
    /// the reading thread. Rows, errors and checkpoints come out in file order whatever the setting.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
