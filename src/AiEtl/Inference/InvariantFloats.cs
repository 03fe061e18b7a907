using System.Buffers;

namespace AiEtl;

/// <summary>
/// Texts the invariant float parser (<c>double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture)</c>)
/// refuses, known without running it: a timestamp is not given to it to learn that.
/// </summary>
internal static class InvariantFloats
{
    // All a number of NumberStyles.Float can be written with in the invariant culture: white space, a sign, digits, the
    // point, an exponent, and the trailing NULs the parser allows. The parser's other way in, the infinity and NaN
    // symbols, takes no digit.
    private static readonly SearchValues<char> NumberCharacters = SearchValues.Create("0123456789+-.eE \t\n\v\f\r\0");

    /// <summary>Whether the parser refuses <paramref name="text"/>, a text with an ASCII digit, for a character no number has (the <c>:</c> of a time).</summary>
    public static bool Refuses(ReadOnlySpan<char> text) => text.ContainsAnyInRange('0', '9') && text.ContainsAnyExcept(NumberCharacters);
}
