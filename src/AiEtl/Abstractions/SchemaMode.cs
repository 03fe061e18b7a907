namespace AiEtl;

/// <summary>What a destination does when its table or file does not exist (<c>schema_mode</c> in YAML).</summary>
public enum SchemaMode
{
    /// <summary>Create it when missing; check it when present.</summary>
    CreateIfMissing,

    /// <summary>Fail when it is missing.</summary>
    FailIfMissing,

    /// <summary>Drop it and create it anew.</summary>
    DropAndCreate,
}
