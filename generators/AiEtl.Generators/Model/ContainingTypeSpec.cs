namespace AiEtl.Generators;

/// <summary>A type that contains the record, from the outermost inwards.</summary>
/// <param name="Keyword">The declaration keyword: <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c> or <c>interface</c>.</param>
/// <param name="Name">The name as declared, with its type parameters (<c>Outer&lt;T&gt;</c>).</param>
internal sealed record ContainingTypeSpec(string Keyword, string Name);
