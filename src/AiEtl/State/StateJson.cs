using System.ComponentModel;
using System.Text.Json;

namespace AiEtl.Internal;

/// <summary>The state file's JSON for one <see cref="PipelineState"/>, for destinations that store it themselves.</summary>
/// <remarks>For AiEtl's adapters and generated code, which is why it is public; it is not part of the supported API and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StateJson
{
    /// <summary>The state as the state file holds it.</summary>
    public static string Serialize(PipelineState state) => JsonSerializer.Serialize(state, StateJsonContext.Default.PipelineState);

    /// <summary>Reads a state written by <see cref="Serialize"/>.</summary>
    /// <exception cref="StateException">The text is not a state.</exception>
    public static PipelineState Deserialize(string json, DataLocation location)
    {
        try
        {
            return JsonSerializer.Deserialize(json, StateJsonContext.Default.PipelineState)
                ?? throw new StateException("the stored checkpoint is null", location);
        }
        catch (JsonException error)
        {
            throw new StateException($"the stored checkpoint is not valid: {error.Message}", location, error);
        }
    }
}
