namespace AiEtl.Generators;

/// <summary>Whether a field holds one value or a list of them (FieldType.Array), and which CLR list type holds it.</summary>
internal enum CollectionKind
{
    /// <summary>One value.</summary>
    None,

    /// <summary>An array, <c>T[]</c>.</summary>
    Array,

    /// <summary><c>List&lt;T&gt;</c>.</summary>
    List,

    /// <summary><c>IReadOnlyList&lt;T&gt;</c>.</summary>
    ReadOnlyList,
}
