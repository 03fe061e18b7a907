
namespace AiEtl.Json;

/// <summary>The JSON layout a file name implies.</summary>
internal static class JsonFormats
{
    /// <summary><c>.jsonl</c>, <c>.ndjson</c> (before any compression extension) are lines; everything else an array.</summary>
    public static JsonFormat FromPath(string path)
    {
        var inner = FileCompressions.InnerName(path, FileCompressions.FromPath(path));
        return Path.GetExtension(inner).ToLowerInvariant() is ".jsonl" or ".ndjson" ? JsonFormat.Lines : JsonFormat.Array;
    }
}
