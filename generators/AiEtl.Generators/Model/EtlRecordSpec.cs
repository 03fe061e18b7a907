namespace AiEtl.Generators;

/// <summary>
/// Everything the <see cref="Emitter"/> needs to write the <c>IEtlRecord</c> implementation of one
/// <c>[EtlRecord]</c> type: plain, immutable, value-equatable data, with no symbol, syntax or location in it, so an
/// edit that does not change it does not regenerate code.
/// </summary>
/// <param name="Namespace">The namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">The types that contain the record, outermost first.</param>
/// <param name="Keyword">The declaration keyword: <c>class</c>, <c>struct</c>, <c>record</c> or <c>record struct</c>.</param>
/// <param name="Name">The name as declared, with its type parameters.</param>
/// <param name="FullyQualifiedName">The <c>global::</c>-qualified name.</param>
/// <param name="HintName">The name of the generated file.</param>
/// <param name="SchemaName">The schema name: the attribute's name, or the type name.</param>
/// <param name="Version">The schema version.</param>
/// <param name="Fields">The fields, in ordinal order.</param>
internal sealed record EtlRecordSpec(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string Keyword,
    string Name,
    string FullyQualifiedName,
    string HintName,
    string SchemaName,
    string Version,
    EquatableArray<FieldSpec> Fields)
{
    /// <summary>
    /// The <c>Sample</c> of the attribute until <see cref="SampleRecords"/> has added the sample's columns to
    /// <see cref="Fields"/>; <see langword="null"/> in every spec that code is emitted from.
    /// </summary>
    public SampleRequest? Sample { get; init; }
}
