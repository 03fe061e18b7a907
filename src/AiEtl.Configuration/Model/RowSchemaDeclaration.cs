using System.Collections.Generic;

namespace AiEtl.Configuration.Model;

/// <summary>A row schema declared in the file (<c>source.schema</c>) or read from a JSON Schema file.</summary>
public sealed class RowSchemaDeclaration
{
    /// <summary>The schema's name, or <see langword="null"/> for the pipeline's.</summary>
    public string? Name { get; init; }

    /// <summary>The fields, in order.</summary>
    public IReadOnlyList<FieldDeclaration> Fields { get; init; } = [];

    /// <summary>The primary key: the <c>primary_key</c> list, else the fields marked <c>primary_key: true</c>.</summary>
    public IReadOnlyList<string> PrimaryKey { get; init; } = [];

    /// <summary>The field named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public FieldDeclaration? Find(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }

        return null;
    }
}
