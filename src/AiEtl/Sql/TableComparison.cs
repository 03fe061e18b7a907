using System.ComponentModel;

namespace AiEtl.Internal;

/// <summary>
/// Compares a database table that already exists with the schema a destination writes, so every difference
/// is reported in one error instead of a silent mismatch or a failure at the first row.
/// </summary>
/// <remarks>For AiEtl's adapters and generated code, which is why it is public; it is not part of the supported API and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TableComparison
{
    /// <summary>
    /// Refuses rows whose fields are not those the destination's codec writes: a dynamic destination's
    /// <see cref="RecordCodec"/> made for the source's schema behind a transform that selects or renames fields would
    /// write the wrong columns.
    /// </summary>
    /// <exception cref="PipelineConfigurationException">The rows have fields, and they differ from the codec's in name or order.</exception>
    public static void RequireCodecFields(Schema codec, Schema rows, DataLocation location)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(rows);

        // A source that does not know its fields (rows from a list) gives an empty schema: the codec decides then.
        if (rows.Fields.Count > 0 && !codec.Fields.Select(f => f.Name).SequenceEqual(rows.Fields.Select(f => f.Name), StringComparer.Ordinal))
        {
            throw new PipelineConfigurationException(
                $"the destination writes the fields {string.Join(", ", codec.Fields.Select(f => f.Name))}, but the rows it gets have {string.Join(", ", rows.Fields.Select(f => f.Name))}; make its codec with the schema the last transform passes on (Transform.OutputSchema)",
                location);
        }
    }

    /// <summary>Refuses <see cref="WriteMode.Merge"/> into a table whose schema has no primary key to merge on.</summary>
    /// <exception cref="SchemaException">The mode is merge and the schema has no primary key.</exception>
    public static void RequireKeyForMerge(WriteMode mode, Schema schema, DataLocation location)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (mode == WriteMode.Merge && schema.PrimaryKey is not { Count: > 0 })
        {
            throw new SchemaException($"write mode merge needs a primary key, and schema {schema.Name} has none; declare one with [PrimaryKey] or use append or replace", location);
        }
    }

    /// <summary>
    /// Lists what stops the schema from being written into the table: a missing column (unless
    /// <paramref name="evolve"/> and it is nullable, then it is returned to be added), a column the dialect
    /// cannot write the field into, and a <c>NOT NULL</c> column without a default that the schema lacks.
    /// </summary>
    /// <param name="schema">The schema to write.</param>
    /// <param name="table">The table's name, for the message.</param>
    /// <param name="columns">The table's columns.</param>
    /// <param name="evolve">Whether missing nullable columns may be added.</param>
    /// <param name="columnType">The column type the dialect creates for a field, for the message.</param>
    /// <param name="typeProblem">Why the field cannot go into the existing column of that name, or <see langword="null"/> when it can.</param>
    /// <param name="names">How column names compare in this database.</param>
    /// <param name="location">Where to report.</param>
    /// <returns>The fields to add as new columns.</returns>
    /// <exception cref="SchemaException">The table differs; the message lists every difference.</exception>
    public static IReadOnlyList<Field> Compare(
        Schema schema,
        string table,
        IReadOnlyCollection<(string Name, bool NotNull, bool HasDefault)> columns,
        bool evolve,
        Func<Field, string> columnType,
        Func<Field, string?> typeProblem,
        StringComparer names,
        DataLocation location)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(columnType);
        ArgumentNullException.ThrowIfNull(typeProblem);
        var existing = columns.Select(c => c.Name).ToHashSet(names);
        var problems = new List<string>();
        var toAdd = new List<Field>();
        foreach (var field in schema.Fields)
        {
            if (existing.Contains(field.Name))
            {
                if (typeProblem(field) is { } problem)
                {
                    problems.Add(problem);
                }
            }
            else if (evolve && field.IsNullable)
            {
                toAdd.Add(field);
            }
            else
            {
                problems.Add($"column '{field.Name}' ({columnType(field)}) is missing"
                    + (field.IsNullable ? "" : "; it is NOT NULL, so it cannot be added to existing rows"));
            }
        }

        var declared = schema.Fields.Select(f => f.Name).ToHashSet(names);
        problems.AddRange(columns
            .Where(c => !declared.Contains(c.Name) && c.NotNull && !c.HasDefault)
            .Select(c => $"column '{c.Name}' is NOT NULL without a default and not in the schema"));
        if (problems.Count > 0)
        {
            throw new SchemaException(
                $"the table '{table}' differs from schema {schema.Name}: {string.Join("; ", problems)}"
                + (evolve ? "" : " (EvolveSchema adds missing nullable columns)"),
                location);
        }

        return toAdd;
    }
}
