namespace AiEtl;

/// <summary>A complete record schema: fields in order, primary key and inference statistics.</summary>
public sealed record Schema
{
    /// <summary>Creates a schema.</summary>
    /// <param name="name">The schema name (a record or table name).</param>
    /// <param name="fields">The fields, in column order.</param>
    public Schema(string name, IReadOnlyList<Field> fields)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(fields);
        Name = name;
        Fields = fields;
    }

    /// <summary>The schema name.</summary>
    public string Name { get; }

    /// <summary>The fields, in column order; a field's ordinal is its index here.</summary>
    public IReadOnlyList<Field> Fields { get; }

    /// <summary>The names of the primary key fields, or <see langword="null"/> when there is none.</summary>
    public IReadOnlyList<string>? PrimaryKey { get; init; }

    /// <summary>The schema version.</summary>
    public string Version { get; init; } = "1.0";

    /// <summary>Whether the schema was inferred from data.</summary>
    public bool IsInferred { get; init; }

    /// <summary>When the schema was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>For an inferred schema, how many rows were sampled.</summary>
    public int? SampleSize { get; init; }

    /// <summary>For an inferred schema, how many nulls each field had in the sample.</summary>
    public IReadOnlyDictionary<string, int>? NullCounts { get; init; }

    /// <summary>The same schema with other fields and primary key (a transform's output: select, rename).</summary>
    internal Schema WithFields(IReadOnlyList<Field> fields, IReadOnlyList<string>? primaryKey) => new(Name, fields)
    {
        PrimaryKey = primaryKey,
        Version = Version,
        IsInferred = IsInferred,
        CreatedAt = CreatedAt,
        SampleSize = SampleSize,
        NullCounts = NullCounts,
    };

    /// <summary>Gets a field by name (exact match), or <see langword="null"/>.</summary>
    public Field? GetField(string name)
    {
        var ordinal = IndexOf(name);
        return ordinal < 0 ? null : Fields[ordinal];
    }

    /// <summary>Gets the ordinal of a field by name (exact match), or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
