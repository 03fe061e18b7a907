namespace AiEtl.Generators;

/// <summary>A <c>[Transform]</c> or <c>[Filter]</c> method of a pipeline class.</summary>
/// <param name="Name">The method's name.</param>
/// <param name="IsFilter">Whether it is a filter (returns whether to keep the row) rather than a transform.</param>
internal sealed record MethodStep(string Name, bool IsFilter);
