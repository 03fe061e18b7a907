using System.Text.Json.Serialization;

namespace AiEtl;

/// <summary>Source-generated JSON for the scalar values adapters keep in <see cref="Checkpoint.CustomState"/>.</summary>
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(string))]
internal sealed partial class CheckpointJsonContext : JsonSerializerContext
{
}
