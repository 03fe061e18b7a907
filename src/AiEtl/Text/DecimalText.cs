using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace AiEtl;

/// <summary>
/// Writes a decimal in its general format as UTF-8: every digit of the unscaled integer, the point where the scale
/// puts it, never an exponent (1.50 stays 1.50), the bytes <see cref="Utf8Formatter"/> writes.
/// </summary>
internal static class DecimalText
{
    /// <summary>Writes <paramref name="value"/> to <paramref name="output"/> (room for 32 bytes: 29 digits, sign, point and a leading zero); returns the length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Write(Span<byte> output, decimal value)
    {
        // Utf8Formatter builds the text through a digit buffer; a value whose unscaled integer fits 64 bits (the usual
        // amount of money) is written here from that integer, faster. Zero keeps the library path for its sign.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[2] != 0 || (bits[0] | bits[1]) == 0)
        {
            Utf8Formatter.TryFormat(value, output, out var formatted);
            return formatted;
        }

        var unscaled = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        var scale = (bits[3] >> 16) & 0xFF;
        var length = 0;
        if (bits[3] < 0)
        {
            output[length++] = (byte)'-';
        }

        var digits = output[length..];
        Utf8Formatter.TryFormat(unscaled, digits, out var count);
        if (scale == 0)
        {
            return length + count;
        }

        if (count > scale)
        {
            var whole = count - scale;
            digits.Slice(whole, scale).CopyTo(digits[(whole + 1)..]);
            digits[whole] = (byte)'.';
            return length + count + 1;
        }

        // Below one: 0.00ddd.
        var zeros = scale - count;
        digits[..count].CopyTo(digits[(2 + zeros)..]);
        digits[0] = (byte)'0';
        digits[1] = (byte)'.';
        digits.Slice(2, zeros).Fill((byte)'0');
        return length + 2 + zeros + count;
    }
}
