using System;
using System.Collections.Generic;
using System.Linq;

namespace AiEtl.Generators;

/// <summary>Builds <see cref="EquatableArray{T}"/> values.</summary>
internal static class EquatableArrayExtensions
{
    /// <summary>Copies <paramref name="items"/> into a new <see cref="EquatableArray{T}"/>.</summary>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
        where T : IEquatable<T>
    {
        return new EquatableArray<T>(items.ToArray());
    }
}
