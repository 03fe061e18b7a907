using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AiEtl.Generators;

/// <summary>Maps a property's CLR type to the <see cref="FieldValueKind"/> a field stores it as.</summary>
internal static class TypeMapping
{
    /// <summary>The supported types that the compiler knows as a <see cref="SpecialType"/>.</summary>
    private static readonly Dictionary<SpecialType, FieldValueKind> SpecialKinds = new()
    {
        [SpecialType.System_String] = FieldValueKind.String,
        [SpecialType.System_Int16] = FieldValueKind.Int16,
        [SpecialType.System_Int32] = FieldValueKind.Int32,
        [SpecialType.System_Int64] = FieldValueKind.Int64,
        [SpecialType.System_Single] = FieldValueKind.Single,
        [SpecialType.System_Double] = FieldValueKind.Double,
        [SpecialType.System_Decimal] = FieldValueKind.Decimal,
        [SpecialType.System_Boolean] = FieldValueKind.Boolean,
        [SpecialType.System_DateTime] = FieldValueKind.DateTime,
    };

    /// <summary>The supported structs of the System namespace that have no <see cref="SpecialType"/>.</summary>
    private static readonly Dictionary<string, FieldValueKind> SystemStructKinds = new(StringComparer.Ordinal)
    {
        ["DateOnly"] = FieldValueKind.Date,
        ["TimeOnly"] = FieldValueKind.Time,
        ["DateTimeOffset"] = FieldValueKind.DateTimeOffset,
        ["Guid"] = FieldValueKind.Guid,
    };

    /// <summary>
    /// Finds the kind of <paramref name="type"/>, looking through <c>Nullable&lt;T&gt;</c> and through lists
    /// (<c>T[]</c>, <c>List&lt;T&gt;</c>, <c>IReadOnlyList&lt;T&gt;</c> of a non-nullable scalar other than an enum); returns
    /// <see langword="false"/> for a type no field can hold.
    /// </summary>
    /// <param name="type">The property type.</param>
    /// <param name="kind">The kind; for a list, the kind of its elements.</param>
    /// <param name="collection">Whether and how the type is a list.</param>
    /// <param name="enumTypeName">For an enum, its fully qualified name.</param>
    /// <param name="isNullableValueType">Whether <paramref name="type"/> is <c>Nullable&lt;T&gt;</c>.</param>
    public static bool TryGetValueKind(ITypeSymbol type, out FieldValueKind kind, out CollectionKind collection, out string? enumTypeName, out bool isNullableValueType)
    {
        collection = GetCollectionKind(type, out var elementType);
        if (collection == CollectionKind.None)
        {
            return TryGetValueKind(type, out kind, out enumTypeName, out isNullableValueType);
        }

        isNullableValueType = false;
        enumTypeName = null;
        kind = default;
        return elementType.NullableAnnotation != NullableAnnotation.Annotated
            && TryGetValueKind(elementType, out kind, out _, out var elementIsNullable)
            && !elementIsNullable
            && kind is not (FieldValueKind.Enum or FieldValueKind.Json or FieldValueKind.JsonElement);
    }

    /// <summary>
    /// Finds the kind of <paramref name="type"/>, looking through <c>Nullable&lt;T&gt;</c>; returns
    /// <see langword="false"/> for a type no field can hold.
    /// </summary>
    /// <param name="type">The property type.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="enumTypeName">For an enum, its fully qualified name.</param>
    /// <param name="isNullableValueType">Whether <paramref name="type"/> is <c>Nullable&lt;T&gt;</c>.</param>
    public static bool TryGetValueKind(ITypeSymbol type, out FieldValueKind kind, out string? enumTypeName, out bool isNullableValueType)
    {
        enumTypeName = null;
        isNullableValueType = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
            isNullableValueType = true;
        }

        if (SpecialKinds.TryGetValue(type.SpecialType, out kind))
        {
            return true;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            kind = FieldValueKind.Enum;
            enumTypeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return true;
        }

        if (type is INamedTypeSymbol { Name: "JsonElement", TypeKind: TypeKind.Struct, Arity: 0, ContainingType: null }
            && type.ContainingNamespace.ToDisplayString() == "System.Text.Json")
        {
            kind = FieldValueKind.JsonElement;
            return true;
        }

        return TryGetSystemStructKind(type, out kind);
    }

    private static CollectionKind GetCollectionKind(ITypeSymbol type, out ITypeSymbol elementType)
    {
        elementType = type;
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            elementType = array.ElementType;
            return CollectionKind.Array;
        }

        if (type is INamedTypeSymbol { Arity: 1, ContainingType: null } generic
            && generic.ContainingNamespace.ToDisplayString() == "System.Collections.Generic")
        {
            var collection = generic.Name switch
            {
                "List" when generic.TypeKind == TypeKind.Class => CollectionKind.List,
                "IReadOnlyList" when generic.TypeKind == TypeKind.Interface => CollectionKind.ReadOnlyList,
                _ => CollectionKind.None,
            };
            if (collection != CollectionKind.None)
            {
                elementType = generic.TypeArguments[0];
            }

            return collection;
        }

        return CollectionKind.None;
    }

    private static bool TryGetSystemStructKind(ITypeSymbol type, out FieldValueKind kind)
    {
        kind = default;
        return type is INamedTypeSymbol { TypeKind: TypeKind.Struct, Arity: 0, ContainingType: null }
            && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true }
            && SystemStructKinds.TryGetValue(type.Name, out kind);
    }
}
