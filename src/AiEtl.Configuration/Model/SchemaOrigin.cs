namespace AiEtl.Configuration.Model;

/// <summary>Where a pipeline's row schema comes from.</summary>
public enum SchemaOrigin
{
    /// <summary>Inferred from a sample of the source at run time.</summary>
    Inferred,

    /// <summary>Declared under <c>source.schema</c>.</summary>
    Inline,

    /// <summary>Read from the JSON Schema file named by <c>source.schema_file</c>.</summary>
    File,
}
