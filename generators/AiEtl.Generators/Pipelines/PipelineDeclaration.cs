namespace AiEtl.Generators;

/// <summary>
/// A <c>*.etl.yaml</c> file, validated by the configuration model and reduced to what the pipeline code is written
/// from: plain, value-equatable data with no Roslyn type, so editing another file leaves it cached.
/// </summary>
/// <param name="FilePath">The file's path, as the compiler names it.</param>
/// <param name="RelativePath">The path relative to the project, for the generated code's comments and <c>SourceFile</c>.</param>
/// <param name="Namespace">The namespace of the generated types: the project's root namespace, or <see langword="null"/>.</param>
/// <param name="ClassName">The generated pipeline class: the pipeline's name in PascalCase, with <c>Pipeline</c>.</param>
/// <param name="Name">The pipeline's name.</param>
/// <param name="NameLocation">Where the name is written.</param>
/// <param name="Description">The description, or <see langword="null"/>.</param>
/// <param name="Record">The record type as <c>record:</c> names it, or <see langword="null"/>.</param>
/// <param name="RecordLocation">Where <c>record:</c> was written, else where the source is.</param>
/// <param name="InlineRecord">The record generated from <c>schema:</c>, or <see langword="null"/>.</param>
/// <param name="Source">The source.</param>
/// <param name="Transforms">The transforms, in order.</param>
/// <param name="Destination">The destination.</param>
/// <param name="SchemaMode">The destination's <c>schema_mode</c>.</param>
/// <param name="Options">The run's settings: <c>execution</c>, <c>retry_policy</c>, <c>error_handling</c>, <c>masking</c>, state.</param>
internal sealed record PipelineDeclaration(
    string FilePath,
    string RelativePath,
    string? Namespace,
    string ClassName,
    string Name,
    LocationInfo? NameLocation,
    string? Description,
    string? Record,
    LocationInfo? RecordLocation,
    EtlRecordSpec? InlineRecord,
    AdapterDeclaration Source,
    EquatableArray<AdapterDeclaration> Transforms,
    AdapterDeclaration Destination,
    string SchemaMode,
    AdapterDeclaration Options);
