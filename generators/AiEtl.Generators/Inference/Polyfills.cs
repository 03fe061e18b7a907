using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace AiEtl.Generators.Inference;

/// <summary>
/// The .NET APIs the linked inference files call that netstandard2.0 lacks, each doing what the .NET one does for the
/// arguments those files pass.
/// </summary>
internal static class Polyfills
{
    extension(string)
    {
        /// <summary>The text formatted with <paramref name="provider"/>, as <c>string.Create(provider, $"...")</c>.</summary>
        public static string Create(IFormatProvider provider, FormattableString text) => text.ToString(provider);
    }

    extension(double)
    {
        /// <summary><c>double.TryParse</c> of characters.</summary>
        public static bool TryParse(ReadOnlySpan<char> text, NumberStyles style, IFormatProvider provider, out double value) =>
            double.TryParse(text.ToString(), style, provider, out value);
    }

    /// <summary>The value of <paramref name="key"/>, or the default of its type.</summary>
    public static TValue? GetValueOrDefault<TKey, TValue>(this Dictionary<TKey, TValue> dictionary, TKey key)
        where TKey : notnull =>
        dictionary.TryGetValue(key, out var value) ? value : default;

    /// <summary>The key and value of a pair.</summary>
    public static void Deconstruct<TKey, TValue>(this KeyValuePair<TKey, TValue> pair, out TKey key, out TValue value) =>
        (key, value) = (pair.Key, pair.Value);

    /// <summary>The values in ascending order.</summary>
    public static IOrderedEnumerable<T> Order<T>(this IEnumerable<T> values) => values.OrderBy(static value => value);

    /// <summary>The values in ascending order of <paramref name="comparer"/>.</summary>
    public static IOrderedEnumerable<T> Order<T>(this IEnumerable<T> values, IComparer<T> comparer) => values.OrderBy(static value => value, comparer);

    /// <summary>Whether any character is not <paramref name="value"/>.</summary>
    public static bool ContainsAnyExcept(this ReadOnlySpan<char> text, char value)
    {
        foreach (var c in text)
        {
            if (c != value)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the regular expression matches the characters.</summary>
    public static bool IsMatch(this Regex regex, ReadOnlySpan<char> text) => regex.IsMatch(text.ToString());
}
