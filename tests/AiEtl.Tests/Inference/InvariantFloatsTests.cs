using System.Globalization;
using System.Text;

namespace AiEtl.Tests.Inference;

/// <summary>
/// What <see cref="InvariantFloats"/> refuses, the invariant float parser refuses, on its UTF-8 bytes (as the default
/// source parses) and on its characters: random texts of digits, number characters, letters of the infinity and NaN
/// symbols in both cases, date and time punctuation and non-ASCII, and timestamps.
/// </summary>
public sealed class InvariantFloatsTests
{
    [Fact]
    public void A_refused_text_is_refused_by_the_invariant_float_parser()
    {
        const string Alphabet = "0123456789+-.eE \t\n\r\0:TZ/,_xiInNfFtTyYaA\u00a0\u0131\u2212\u0660\uff11é";
        var random = new Random(5);
        var refused = 0;
        var values = Enumerable.Range(0, 200_000).Select(i => i % 10 == 0
            ? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(random.NextInt64(1_000_000_000)).ToString(i % 20 == 0 ? "O" : "yyyy-MM-dd'T'HH:mm:ssZ", CultureInfo.InvariantCulture)
            : new string([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]));
        foreach (var value in values.Concat(["1:2", "1e5:", "Infinity1", "1Infinity", "NaN0", "-1e-5\0", " 12 ", "1.5", "1,5"]))
        {
            if (!InvariantFloats.Refuses(value))
            {
                continue;
            }

            refused++;
            Assert.False(double.TryParse(Encoding.UTF8.GetBytes(value), NumberStyles.Float, CultureInfo.InvariantCulture, out _), value);
            Assert.False(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _), value);
        }

        Assert.True(refused > 100_000, $"{refused} refused");
        Assert.False(InvariantFloats.Refuses("-1.5e-3"));
        Assert.False(InvariantFloats.Refuses(" 12\0"));
    }
}
