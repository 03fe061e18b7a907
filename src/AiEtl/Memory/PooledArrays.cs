using System.Buffers;

namespace AiEtl;

/// <summary>Growing arrays rented from <see cref="ArrayPool{T}.Shared"/>, as the row buffers of the sources do.</summary>
internal static class PooledArrays
{
    /// <summary>A pooled array of at least <paramref name="needed"/> items (at least twice as many as before) holding the first <paramref name="used"/> items of <paramref name="items"/>, which goes back to the pool.</summary>
    public static TItem[] Grow<TItem>(TItem[] items, int used, int needed, bool clear = false)
    {
        var larger = ArrayPool<TItem>.Shared.Rent(Math.Max(items.Length * 2, needed));
        items.AsSpan(0, used).CopyTo(larger);
        ArrayPool<TItem>.Shared.Return(items, clear);
        return larger;
    }
}
