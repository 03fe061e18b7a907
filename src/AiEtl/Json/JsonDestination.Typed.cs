
namespace AiEtl.Json;

/// <summary>A JSON destination of typed <c>[EtlRecord]</c> rows, written by their generated code.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class JsonDestination<T> : JsonDestination<T, GeneratedCodec<T>>
    where T : IEtlRecord<T>
{
    /// <summary>Creates a destination for the file in <paramref name="options"/>.</summary>
    public JsonDestination(JsonDestinationOptions options)
        : base(options, default)
    {
    }

    /// <summary>Creates a destination that replaces the file at <paramref name="path"/> (lines for <c>.jsonl</c>, else an array).</summary>
    public JsonDestination(string path)
        : base(new JsonDestinationOptions(path), default)
    {
    }
}
