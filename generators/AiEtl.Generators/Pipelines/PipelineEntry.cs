namespace AiEtl.Generators;

/// <summary>One pipeline in the registry: its name, generated class and where its file is.</summary>
/// <param name="Name">The pipeline's name.</param>
/// <param name="FullyQualifiedClassName">The generated class, <c>global::</c>-qualified.</param>
/// <param name="Location">Where its name is written, for AIETL1110.</param>
internal sealed record PipelineEntry(string Name, string FullyQualifiedClassName, LocationInfo? Location);
