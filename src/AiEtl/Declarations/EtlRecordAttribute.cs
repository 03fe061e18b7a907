namespace AiEtl;

/// <summary>
/// Declares a <c>partial record struct</c>, <c>record</c> or <c>class</c> as an ETL record: the source
/// generator implements <see cref="IEtlRecord{TSelf}"/> on it (schema, field reader and writer).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class EtlRecordAttribute : Attribute
{
    /// <summary>Declares a record whose schema name is the type name.</summary>
    public EtlRecordAttribute()
    {
    }

    /// <summary>Declares a record with a schema name (also the default table name).</summary>
    public EtlRecordAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The schema name, or <see langword="null"/> for the type name.</summary>
    public string? Name { get; }

    /// <summary>The schema version.</summary>
    public string Version { get; set; } = "1.0";

    /// <summary>
    /// A CSV file, relative to the project folder and listed as an <c>AdditionalFiles</c> item, whose columns become the
    /// record's properties, typed as <c>aietl schema infer</c> types them (docs/inference.md, "Records from a sample"); a
    /// property declared in the partial type replaces the inferred one. <see langword="null"/> when every property is declared.
    /// </summary>
    public string? Sample { get; set; }
}
