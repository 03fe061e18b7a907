#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] suggests [Sensitive] with the same rules.
using System;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>The Luhn check of card numbers, which the masker and the card recogniser share.</summary>
internal static class Luhn
{
    /// <summary>Whether <paramref name="digits"/> (a card number's digits, separators allowed) pass the Luhn check.</summary>
    public static bool Passes(ReadOnlySpan<char> digits)
    {
        var (sum, count, doubled) = (0, 0, false);
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                continue;
            }

            var digit = digits[i] - '0';
            if (doubled && (digit *= 2) > 9)
            {
                digit -= 9;
            }

            (sum, count, doubled) = (sum + digit, count + 1, !doubled);
        }

        return count >= 12 && sum % 10 == 0;
    }
}
