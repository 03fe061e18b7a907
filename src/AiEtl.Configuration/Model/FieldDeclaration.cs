using System.Collections.Generic;
using AiEtl.Configuration.Yaml;

namespace AiEtl.Configuration.Model;

/// <summary>One field of a declared row schema: the seed's <c>Field</c>, with the <c>sensitive</c> marking.</summary>
public sealed class FieldDeclaration
{
    /// <summary>The field name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The type, as the catalog spells it (<c>string</c>, <c>integer</c>, <c>datetime</c>, ...).</summary>
    public string Type { get; init; } = "string";

    /// <summary>For an array field, the type of its elements.</summary>
    public string? ElementType { get; init; }

    /// <summary>Whether the field may hold no value.</summary>
    public bool Nullable { get; init; } = true;

    /// <summary>What the field holds.</summary>
    public string? Description { get; init; }

    /// <summary>The smallest allowed value: a <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> or <see cref="string"/> (a date as text).</summary>
    public object? MinValue { get; init; }

    /// <summary>The largest allowed value, as <see cref="MinValue"/>.</summary>
    public object? MaxValue { get; init; }

    /// <summary>A regular expression that string values must match.</summary>
    public string? Pattern { get; init; }

    /// <summary>The only values allowed, or <see langword="null"/>.</summary>
    public IReadOnlyList<string>? EnumValues { get; init; }

    /// <summary>Whether the field is part of the primary key.</summary>
    public bool PrimaryKey { get; init; }

    /// <summary>The kind of sensitive data it holds (<c>none</c>, <c>email</c>, <c>phone</c>, <c>ssn</c>, <c>credit_card</c>, <c>other</c>).</summary>
    public string Sensitive { get; init; } = "none";

    /// <summary>For a json field, the kind (<c>email</c>, ..., <c>other</c>) of each path inside it to mask, in the file's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SensitivePaths { get; init; } = [];

    /// <summary>Where the field is declared.</summary>
    public YamlPosition Position { get; init; }
}
