using System.Text.Json.Serialization;

namespace AiEtl;

/// <summary>Source-generated JSON for the state file: no reflection, stable property order.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PipelineState))]
internal sealed partial class StateJsonContext : JsonSerializerContext
{
}
