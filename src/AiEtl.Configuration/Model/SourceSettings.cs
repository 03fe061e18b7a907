namespace AiEtl.Configuration.Model;

/// <summary><c>pipeline.source</c>: the adapter, its state file and the row schema.</summary>
public sealed class SourceSettings
{
    /// <summary>The adapter and its config.</summary>
    public AdapterSettings Adapter { get; init; } = new();

    /// <summary>The state file as written, or <see langword="null"/>.</summary>
    public string? StateFile { get; init; }

    /// <summary>
    /// <c>record</c>: the C# <c>[EtlRecord]</c> type of the rows, for a compiled pipeline (<c>*.etl.yaml</c>); the
    /// generator checks every field name against it. <c>aietl</c> cannot load a C# type and reads the schema as
    /// <see cref="SchemaOrigin"/> says.
    /// </summary>
    public string? Record { get; init; }

    /// <summary>Where the row schema comes from.</summary>
    public SchemaOrigin SchemaOrigin { get; init; }

    /// <summary>The declared schema (inline or from the file), or <see langword="null"/> when it is inferred.</summary>
    public RowSchemaDeclaration? Schema { get; init; }

    /// <summary>The JSON Schema file as written, or <see langword="null"/>.</summary>
    public string? SchemaFile { get; init; }

    /// <summary>Rows sampled to infer the schema.</summary>
    public int InferenceSampleSize { get; init; } = 1000;

    /// <summary>The share of values a type must parse to be inferred.</summary>
    public double InferenceMinConfidence { get; init; } = 0.95;
}
