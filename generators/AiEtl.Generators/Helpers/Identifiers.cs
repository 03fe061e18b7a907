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

    /// <summary>
    /// The camelCase form of a property name, without <c>@</c>: <c>HTTPCode</c> is <c>httpCode</c>, <c>Email</c> is <c>email</c>.
    /// </summary>
    public static string ToCamelCase(string propertyName)
    {
        var name = propertyName.TrimStart('@');
        var upper = 0;
        while (upper < name.Length && char.IsUpper(name[upper]))
        {
            upper++;
        }

        if (upper > 1 && upper < name.Length && char.IsLower(name[upper]))
        {
            upper--;
        }

        return name.Substring(0, upper).ToLowerInvariant() + name.Substring(upper);
    }

    /// <summary>The private static field that holds the compiled <c>[Pattern]</c> of a property: <c>s_emailPattern</c>.</summary>
    public static string PatternFieldName(string propertyName) => "s_" + ToCamelCase(propertyName) + "Pattern";
}
