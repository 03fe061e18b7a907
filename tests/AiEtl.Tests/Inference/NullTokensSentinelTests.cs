namespace AiEtl.Tests.Inference;

/// <summary>
/// <see cref="NullTokens.IsSentinel"/>, which looks up only short values that do not start with a digit, tells what
/// looking every trimmed value up in <see cref="NullTokens.Sentinels"/> tells: random short texts of digits, the letters
/// and punctuation of the sentinels in both cases, white space and non-ASCII look-alikes (the Kelvin sign, a dotless i,
/// full-width digits), and each sentinel with white space around it and its case changed.
/// </summary>
public sealed class NullTokensSentinelTests
{
    [Fact]
    public void A_sentinel_is_what_looking_it_up_tells()
    {
        const string Alphabet = "0123456789NnAa/#.-?LlUuOoEeIiMmSsGg \t\u00a0\u212a\u0131\u0130\uff10\u0660";
        var random = new Random(11);
        var texts = Enumerable.Range(0, 300_000).Select(_ => new string([.. Enumerable.Range(0, random.Next(0, 9)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]))
            .Concat(NullTokens.Sentinels.SelectMany(s => new[] { s, s.ToUpperInvariant(), s.ToLowerInvariant(), $" {s}\t", $"1{s}", $"{s}1", $"\u00a0{s}" }));
        var sentinels = 0;
        foreach (var text in texts)
        {
            var expected = NullTokens.Sentinels.Contains(text.AsSpan().Trim().ToString());
            Assert.True(NullTokens.IsSentinel(text) == expected, $"'{text}': {!expected} for {expected}");
            sentinels += expected ? 1 : 0;
        }

        Assert.True(sentinels > 200, $"{sentinels} sentinels");
    }
}
