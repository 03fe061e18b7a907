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

    extension(char)
    {
        /// <summary>Whether the character is 0 to 9.</summary>
        public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';
    }

    extension(ArgumentNullException)
    {
        /// <summary>Throws when <paramref name="argument"/> is null.</summary>
        public static void ThrowIfNull(object? argument, string? paramName = null)
        {
            if (argument is null)
            {
                throw new ArgumentNullException(paramName);
            }
        }
    }

    extension(double)
    {
        /// <summary><c>double.TryParse</c> of characters.</summary>
        public static bool TryParse(ReadOnlySpan<char> text, NumberStyles style, IFormatProvider provider, out double value) =>
            double.TryParse(text.ToString(), style, provider, out value);
    }

    /// <summary><paramref name="value"/> between <paramref name="min"/> and <paramref name="max"/>, as <c>Math.Clamp</c>.</summary>
    public static double Clamp(double value, double min, double max) => value < min ? min : value > max ? max : value;

    /// <summary>Whether the text contains <paramref name="value"/>, compared as <paramref name="comparison"/> says.</summary>
    public static bool Contains(this string text, string value, StringComparison comparison) => text.IndexOf(value, comparison) >= 0;

    /// <summary>Whether the text contains <paramref name="value"/> (ordinal).</summary>
    public static bool Contains(this string text, char value, StringComparison comparison) => text.IndexOf(value.ToString(), comparison) >= 0;

    /// <summary>The text with each <paramref name="oldValue"/> replaced, compared as <paramref name="comparison"/> says (ordinal only).</summary>
    public static string Replace(this string text, string oldValue, string? newValue, StringComparison comparison) =>
        comparison == StringComparison.Ordinal ? text.Replace(oldValue, newValue) : throw new NotSupportedException(comparison.ToString());

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
