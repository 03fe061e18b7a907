namespace AiEtl.Generators;

/// <summary>A pipeline file checked against the project's records: what the pipeline class is written from.</summary>
/// <param name="Pipeline">The declaration.</param>
/// <param name="Record">The record the rows are, with its fields.</param>
internal sealed record PipelinePlan(PipelineDeclaration Pipeline, EtlRecordSpec Record);
