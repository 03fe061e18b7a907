using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace AiEtl.Json;

/// <summary>
/// Which text <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> (the escaping the JSON destination writes
/// with) lets through unescaped, and its UTF-8 when it does. The encoder's decisions are asked once for every
/// character and kept in a bitmap, so short text is checked without calling it.
/// </summary>
internal static class RelaxedJsonText
{
    /// <summary>The longest escape of one UTF-16 character: <c>\uXXXX</c>.</summary>
    public const int MaxEscapedCharLength = 6;

    // Text up to this many characters is transcoded and checked by TranscodeShort, longer text by the library.
    private const int ShortString = 32;

    private static readonly ulong[] AllowedChars = BuildAllowedChars();
    private static readonly bool PlainAsciiIsAllowed = AllowsPlainAscii(AllowedChars);

    /// <summary>
    /// Writes <paramref name="value"/> as UTF-8 to <paramref name="output"/> (room for three bytes a character) when
    /// no character of it needs escaping; returns the length, or -1 when one does or the text is not valid UTF-16.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TryTranscodeUnescaped(scoped ReadOnlySpan<char> value, Span<byte> output) =>
        value.Length <= ShortString ? TranscodeShort(value, output) : TranscodeLong(value, output);

    // Short text (most fields: names, codes, tags) without the library calls, which cost more to set up than
    // they save on a few characters: eight characters at a time while they are plain ASCII, then one at a time
    // against the encoder's decisions kept in a bitmap. Returns the UTF-8 length, or -1 when a character needs
    // escaping or is a surrogate (left to the exact path).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int TranscodeShort(scoped ReadOnlySpan<char> value, Span<byte> output)
    {
        var length = 0;
        if (PlainAsciiIsAllowed && Vector128.IsHardwareAccelerated)
        {
            var chars = MemoryMarshal.Cast<char, ushort>(value);
            while (length + 8 <= chars.Length)
            {
                var block = Vector128.Create(chars.Slice(length, 8));
                var special = Vector128.LessThan(block, Vector128.Create((ushort)0x20))
                    | Vector128.GreaterThan(block, Vector128.Create((ushort)0x7E))
                    | Vector128.Equals(block, Vector128.Create((ushort)'"'))
                    | Vector128.Equals(block, Vector128.Create((ushort)'\\'));
                if (special != Vector128<ushort>.Zero)
                {
                    break;
                }

                // Each character is its low byte.
                Vector128.Narrow(block, block).GetLower().CopyTo(output[length..]);
                length += 8;
            }
        }

        var allowed = AllowedChars;
        foreach (var c in value[length..])
        {
            if ((allowed[c >> 6] & (1UL << c)) == 0)
            {
                return -1;
            }

            if (c < 0x80)
            {
                output[length++] = (byte)c;
            }
            else if (c < 0x800)
            {
                output[length] = (byte)(0xC0 | (c >> 6));
                output[length + 1] = (byte)(0x80 | (c & 0x3F));
                length += 2;
            }
            else
            {
                output[length] = (byte)(0xE0 | (c >> 12));
                output[length + 1] = (byte)(0x80 | ((c >> 6) & 0x3F));
                output[length + 2] = (byte)(0x80 | (c & 0x3F));
                length += 3;
            }
        }

        return length;
    }

    // Longer text: vectorised UTF-16 to UTF-8, then the encoder's own (vectorised) search for a byte to escape.
    private static int TranscodeLong(scoped ReadOnlySpan<char> value, Span<byte> output)
    {
        var status = Utf8.FromUtf16(value, output, out _, out var written, replaceInvalidSequences: false);
        return status == OperationStatus.Done && JavaScriptEncoder.UnsafeRelaxedJsonEscaping.FindFirstCharacterToEncodeUtf8(output[..written]) < 0
            ? written
            : -1;
    }

    // Whether the encoder lets through every printable ASCII character other than " and \ (it does; checked once
    // rather than assumed, because the block loop above copies them without asking).
    private static bool AllowsPlainAscii(ulong[] allowed)
    {
        for (var c = 0x20; c <= 0x7E; c++)
        {
            if (c is not '"' and not '\\' && (allowed[c >> 6] & (1UL << c)) == 0)
            {
                return false;
            }
        }

        return true;
    }

    // The encoder decides per code point (from a bitmap of the Basic Multilingual Plane; every character beyond it
    // is escaped), so asking it once for each BMP character gives the same answers for all text. Surrogates stay
    // out: a pair is always escaped, a lone one is invalid.
    private static ulong[] BuildAllowedChars()
    {
        var allowed = new ulong[65536 / 64];
        Span<byte> utf8 = stackalloc byte[3];
        for (var c = 0; c < 65536; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var length = new Rune(c).EncodeToUtf8(utf8);
            if (JavaScriptEncoder.UnsafeRelaxedJsonEscaping.FindFirstCharacterToEncodeUtf8(utf8[..length]) < 0)
            {
                allowed[c >> 6] |= 1UL << c;
            }
        }

        return allowed;
    }
}
