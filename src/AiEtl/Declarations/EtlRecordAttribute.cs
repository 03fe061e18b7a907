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
}
