namespace AiEtl.Json;

/// <summary>The layout of a JSON file: one array of objects, or one object per line.</summary>
public enum JsonFormat
{
    /// <summary>One JSON array of objects: <c>[{...}, {...}]</c>.</summary>
    Array,

    /// <summary>One object per line (JSON Lines, NDJSON): <c>{...}\n{...}\n</c>.</summary>
    Lines,
}
