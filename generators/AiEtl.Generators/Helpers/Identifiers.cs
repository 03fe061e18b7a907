using Microsoft.CodeAnalysis.CSharp;

namespace AiEtl.Generators;

/// <summary>Writes names as C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>Prefixes <paramref name="name"/> with <c>@</c> when it is a reserved keyword (<c>class</c> is <c>@class</c>).</summary>
    public static string Escape(string name)
    {
        return SyntaxFacts.IsReservedKeyword(SyntaxFacts.GetKeywordKind(name)) ? "@" + name : name;
    }
}
