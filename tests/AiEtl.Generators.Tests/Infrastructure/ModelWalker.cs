using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AiEtl.Generators.Tests.Infrastructure;

/// <summary>
/// Walks an object graph through every instance field, public or not, and lists the places that hold a
/// compiler object: such a model would keep a whole compilation alive and never compare equal to the next one.
/// </summary>
internal static class ModelWalker
{
    private static readonly Type[] ForbiddenTypes =
    [
        typeof(ISymbol),
        typeof(Compilation),
        typeof(SemanticModel),
        typeof(SyntaxNode),
        typeof(SyntaxTree),
        typeof(SyntaxToken),
        typeof(SyntaxTrivia),
        typeof(Location),
    ];

    /// <summary>The paths, from <paramref name="rootName"/>, of every compiler object under <paramref name="root"/>.</summary>
    public static List<string> FindCompilerObjects(object? root, string rootName)
    {
        var found = new List<string>();
        Walk(root, rootName, new HashSet<object>(ReferenceEqualityComparer.Instance), found);
        return found;
    }

    private static void Walk(object? value, string path, HashSet<object> visited, List<string> found)
    {
        if (value is null)
        {
            return;
        }

        var type = value.GetType();
        if (ForbiddenTypes.Any(forbidden => forbidden.IsAssignableFrom(type)))
        {
            found.Add($"{path}: {type.FullName}");
            return;
        }

        if (type.IsPrimitive || type.IsEnum || value is string || value is Type || (!type.IsValueType && !visited.Add(value)))
        {
            return;
        }

        if (value is IEnumerable items and not ITuple)
        {
            var index = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{index++}]", visited, found);
            }
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike)
                {
                    Walk(field.GetValue(value), $"{path}.{field.Name}", visited, found);
                }
            }
        }
    }
}
