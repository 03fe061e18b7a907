using System.Text;

namespace AiEtl.Tests.Validation;

/// <summary>The seed's four patterns are found in free text and masked by each strategy; look-alikes are left alone.</summary>
public sealed class SensitiveDataMaskerTests
{
    private static readonly SensitiveDataMasker Partial = new(MaskingOptions.Default);

    [Theory]
    [InlineData("ssn 123-45-6789 failed", "ssn ***6789 failed")]
    [InlineData("card 4111 1111 1111 1111.", "card ***1111.")]
    [InlineData("card 4111-1111-1111-1111", "card ***1111")]
    [InlineData("card 4111111111111111", "card ***1111")]
    [InlineData("mail jane.doe+x@example.co.uk, ok", "mail j***@example.co.uk, ok")]
    [InlineData("call +44 20 7946 0958 now", "call ***58 now")]
    [InlineData("call (555) 123-4567", "call ***67")]
    [InlineData("call 555-123-4567 or 555.987.6543", "call ***67 or ***43")]
    [InlineData("Key (email)=(bob@example.com) already exists.", "Key (email)=(b***@example.com) already exists.")]
    public void Masks_each_pattern_keeping_the_last_characters(string text, string masked) =>
        Assert.Equal(masked, Partial.Mask(text));

    [Theory]
    [InlineData("order 4111 1111 1111 1112 (not a card: fails the Luhn check)")]
    [InlineData("customers.csv(12345,7): 'abc' is not a number")]
    [InlineData("born 2024-01-15, paid 1234.5678, row 42 of 1000000")]
    [InlineData("id 000-12-3456 and 123-00-4567 are not valid SSNs")]
    [InlineData("part 12345-678-9012345 of a longer code")]
    [InlineData("no digits or at-signs at all")]
    public void Leaves_look_alikes_alone(string text) =>
        Assert.Same(text, Partial.Mask(text));

    [Fact]
    public void Redact_names_the_kind()
    {
        var masker = new SensitiveDataMasker(new MaskingOptions { Strategy = MaskingStrategy.Redact });

        Assert.Equal("[ssn] [credit_card] [email] [phone]", masker.Mask("123-45-6789 4111111111111111 a@b.io 555-123-4567"));
    }

    [Fact]
    public void Keyed_hash_is_stable_per_key_and_value()
    {
        var key = Encoding.UTF8.GetBytes("a key of sixteen bytes or more");
        var masker = new SensitiveDataMasker(new MaskingOptions { Strategy = MaskingStrategy.KeyedHash, HashKey = key });
        var other = new SensitiveDataMasker(new MaskingOptions { Strategy = MaskingStrategy.KeyedHash, HashKey = Encoding.UTF8.GetBytes("another key of sixteen bytes") });

        var first = masker.Mask("a@b.io");
        Assert.Matches("^email:[0-9a-f]{16}$", first);
        Assert.Equal(first, masker.Mask("a@b.io"));
        Assert.NotEqual(first, masker.Mask("c@b.io"));
        Assert.NotEqual(first, other.Mask("a@b.io"));
    }

    [Fact]
    public void Keyed_hash_without_a_long_enough_key_is_a_configuration_error()
    {
        var error = Assert.Throws<PipelineConfigurationException>(() => new SensitiveDataMasker(new MaskingOptions { Strategy = MaskingStrategy.KeyedHash, HashKey = new byte[8] }));

        Assert.Contains("at least 16 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Masking_off_returns_the_text()
    {
        var text = "ssn 123-45-6789";

        Assert.Same(text, new SensitiveDataMasker(MaskingOptions.None).Mask(text));
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("5500 0000 0000 0004", true)]
    [InlineData("378282246310005", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("12345", false)]
    public void Luhn(string digits, bool passes) => Assert.Equal(passes, SensitiveDataMasker.PassesLuhn(digits));
}
