using System;
using System.Collections;
using System.Collections.Generic;

namespace AiEtl.Generators;

/// <summary>
/// An immutable array with value equality, so that the incremental pipeline can tell an unchanged model
/// from a changed one (<see cref="System.Collections.Immutable.ImmutableArray{T}"/> compares by reference).
/// </summary>
/// <typeparam name="T">The element type; its own equality decides the array's.</typeparam>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    where T : IEquatable<T>
{
    private readonly T[]? _items;

    /// <summary>Wraps <paramref name="items"/>; the caller must not change the array afterwards.</summary>
    public EquatableArray(T[] items)
    {
        _items = items;
    }

    /// <summary>An empty array.</summary>
    public static EquatableArray<T> Empty => new(Array.Empty<T>());

    /// <summary>The number of items.</summary>
    public int Count => _items?.Length ?? 0;

    /// <summary>Whether there are no items.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The item at <paramref name="index"/>.</summary>
    public T this[int index] => Items[index];

    private T[] Items => _items ?? Array.Empty<T>();

    /// <summary>Whether both arrays hold equal items in the same order.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Whether the arrays differ in length or in any item.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(EquatableArray<T> other)
    {
        var left = Items;
        var right = other.Items;
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var item in Items)
        {
            hash = unchecked((hash * 31) + (item is null ? 0 : item.GetHashCode()));
        }

        return hash;
    }

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
