namespace AiEtl;

/// <summary>The stage of a pipeline where something happened.</summary>
public enum PipelineStage
{
    /// <summary>Reading from the source.</summary>
    Extract,

    /// <summary>Applying transforms.</summary>
    Transform,

    /// <summary>Writing to the destination.</summary>
    Load,
}
