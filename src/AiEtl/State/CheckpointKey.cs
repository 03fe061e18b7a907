namespace AiEtl;

/// <summary>Whose checkpoint a destination keeps: one pipeline reading one source.</summary>
/// <param name="PipelineId">The pipeline's name.</param>
/// <param name="SourceId">The source's identity (<see cref="ISource{T}.SourceId"/>).</param>
public sealed record CheckpointKey(string PipelineId, string SourceId);
