using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace AiEtl.Internal;

/// <summary>
/// The fast path of <see cref="JsonArrays.Parse{TElement}(ReadOnlySpan{byte})"/> for the common shapes: a flat JSON array
/// of plain strings (no escapes) or of plain integers, with any JSON whitespace. It counts the elements, allocates the exact
/// array and builds each value straight from the UTF-8 bytes. Anything else (escapes, control characters, invalid UTF-8,
/// nulls, nested values, fractions, exponents, leading zeros, too many digits, text after the array, malformed text) is
/// declined, and the caller reads the text again with <see cref="System.Text.Json.Utf8JsonReader"/>, so results and errors
/// stay those of the exact reader.
/// </summary>
public static partial class JsonArrays
{
    /// <summary>Parses <paramref name="json"/> when it has one of the plain shapes; <see langword="false"/> declines without an error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParseFlat<TElement>(ReadOnlySpan<byte> json, out TElement[] values)
    {
        if (typeof(TElement) == typeof(string))
        {
            var ok = TryParsePlainStrings(json, out var strings);
            values = (TElement[])(object)strings;
            return ok;
        }

        if (typeof(TElement) == typeof(int) || typeof(TElement) == typeof(long))
        {
            return TryParsePlainIntegers(json, out values);
        }

        values = null!;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParsePlainStrings(ReadOnlySpan<byte> json, out string[] values)
    {
        const int Remembered = 16;
        values = null!;
        if (!TryOpen(json, out var first))
        {
            return false;
        }

        // First pass: check the shape, count the strings, remember where the first ones are and whether any byte is not ASCII.
        Span<int> bounds = stackalloc int[Remembered * 2];
        var count = 0;
        var position = first;
        var high = 0;
        if (json[position] != ']')
        {
            while (true)
            {
                if (json[position] != '"')
                {
                    return false;
                }

                var open = ++position;
                while (true)
                {
                    if (position >= json.Length)
                    {
                        return false;
                    }

                    var b = json[position];
                    if (b == '"')
                    {
                        break;
                    }

                    // An escape, or a control character (which JSON forbids in a string), is left to the reader.
                    if (b == '\\' || b < 0x20)
                    {
                        return false;
                    }

                    high |= b;
                    position++;
                }

                if (count < Remembered)
                {
                    bounds[count * 2] = open;
                    bounds[(count * 2) + 1] = position;
                }

                count++;
                position++;
                if (!TrySkipSeparator(json, ref position, out var closed))
                {
                    return false;
                }

                if (closed)
                {
                    break;
                }
            }
        }

        if (SkipWhiteSpace(json, position + 1) != json.Length)
        {
            return false;
        }

        // Invalid UTF-8 is left to the reader, which reports it; valid UTF-8 decodes here to the same string as there.
        if (high >= 0x80 && !Utf8.IsValid(json))
        {
            return false;
        }

        // Second pass. ASCII decodes to the same characters as Latin-1, which copies them without the checks of UTF-8.
        var result = count == 0 ? [] : new string[count];
        var encoding = high < 0x80 ? Encoding.Latin1 : Encoding.UTF8;
        for (var i = 0; i < result.Length && i < Remembered; i++)
        {
            result[i] = encoding.GetString(json[bounds[i * 2]..bounds[(i * 2) + 1]]);
        }

        // Past the remembered ones, the shape is known, so the quotes alternate between opening and closing ones.
        position = count > Remembered ? bounds[(Remembered * 2) - 1] + 1 : 0;
        for (var i = Remembered; i < result.Length; i++)
        {
            var open = position + json[position..].IndexOf((byte)'"') + 1;
            var close = open + json[open..].IndexOf((byte)'"');
            result[i] = encoding.GetString(json[open..close]);
            position = close + 1;
        }

        values = result;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParsePlainIntegers<TElement>(ReadOnlySpan<byte> json, out TElement[] values)
    {
        values = null!;
        if (!TryOpen(json, out var first))
        {
            return false;
        }

        // Digits that always fit: nine for an int, eighteen for a long.
        var maxDigits = typeof(TElement) == typeof(int) ? 9 : 18;

        // First pass: check the shape and count the numbers.
        var count = 0;
        var position = first;
        if (json[position] != ']')
        {
            while (true)
            {
                position = SkipInteger(json, position, maxDigits);
                if (position < 0)
                {
                    return false;
                }

                count++;
                if (!TrySkipSeparator(json, ref position, out var closed))
                {
                    return false;
                }

                if (closed)
                {
                    break;
                }
            }
        }

        if (SkipWhiteSpace(json, position + 1) != json.Length)
        {
            return false;
        }

        // Second pass: read the numbers the first pass checked.
        var result = count == 0 ? [] : new TElement[count];
        position = first;
        for (var i = 0; i < result.Length; i++)
        {
            while (json[position] is not ((byte)'-' or >= (byte)'0' and <= (byte)'9'))
            {
                position++;
            }

            var negative = json[position] == '-';
            if (negative)
            {
                position++;
            }

            var value = 0L;
            while (position < json.Length && (uint)(json[position] - '0') <= 9)
            {
                value = (value * 10) + (json[position] - '0');
                position++;
            }

            value = negative ? -value : value;
            result[i] = typeof(TElement) == typeof(int) ? (TElement)(object)(int)value : (TElement)(object)value;
        }

        values = result;
        return true;
    }

    // Past `-?(0|[1-9][0-9]*)` of at most maxDigits digits, ended by whitespace, a comma or a bracket; -1 for anything else.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SkipInteger(ReadOnlySpan<byte> json, int position, int maxDigits)
    {
        if (json[position] == '-')
        {
            position++;
        }

        var start = position;
        while (position < json.Length && (uint)(json[position] - '0') <= 9)
        {
            position++;
        }

        var digits = position - start;
        if (digits == 0 || digits > maxDigits || (digits > 1 && json[start] == '0') || position >= json.Length)
        {
            return -1;
        }

        return json[position] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)',' or (byte)']' ? position : -1;
    }

    // Past the opening bracket and the whitespace after it, at a byte that exists.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryOpen(ReadOnlySpan<byte> json, out int position)
    {
        position = SkipWhiteSpace(json, 0);
        if (position >= json.Length || json[position] != '[')
        {
            return false;
        }

        position = SkipWhiteSpace(json, position + 1);
        return position < json.Length;
    }

    // Moves past the separator after an element: to the next element, or onto the closing bracket (closed); false when the text is malformed.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TrySkipSeparator(ReadOnlySpan<byte> json, ref int position, out bool closed)
    {
        closed = false;
        position = SkipWhiteSpace(json, position);
        if (position >= json.Length || json[position] is not ((byte)']' or (byte)','))
        {
            return false;
        }

        if (json[position] == ']')
        {
            closed = true;
            return true;
        }

        position = SkipWhiteSpace(json, position + 1);
        return position < json.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SkipWhiteSpace(ReadOnlySpan<byte> json, int position)
    {
        while (position < json.Length && json[position] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            position++;
        }

        return position;
    }
}
