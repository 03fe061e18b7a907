
namespace AiEtl.Json;

/// <summary>A JSON source of typed <c>[EtlRecord]</c> rows, read by their generated code.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class JsonSource<T> : JsonSource<T, GeneratedCodec<T>>
    where T : IEtlRecord<T>
{
    /// <summary>Creates a source for the file in <paramref name="options"/>.</summary>
    public JsonSource(JsonSourceOptions options)
        : base(options, default)
    {
    }

    /// <summary>Creates a source for the file at <paramref name="path"/> (lines for <c>.jsonl</c>, else an array).</summary>
    public JsonSource(string path)
        : base(new JsonSourceOptions(path), default)
    {
    }
}
