using System.Text;
using CsCheck;

namespace AiEtl.Tests.Csv;

/// <summary>Field text is decoded exactly as <see cref="Encoding.UTF8"/> decodes it, whether the ASCII shortcut applies or not.</summary>
public sealed class Utf8StringTests
{
    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { (byte)'I', (byte)'E' })]
    [InlineData(new byte[] { 0x00, 0x7F, (byte)'a' })]
    [InlineData(new byte[] { (byte)'Z', (byte)'o', 0xC3, 0xAB })] // Zoë
    [InlineData(new byte[] { 0xF0, 0x9D, 0x84, 0x9E })] // a character outside the basic plane
    [InlineData(new byte[] { (byte)'a', 0xC3 })] // truncated: a replacement character, as Encoding.UTF8 gives
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'x' })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // an encoded surrogate
    public void Text_decodes_as_Encoding_UTF8_decodes_it(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetString(bytes), Utf8Values.GetString(bytes));
    }

    [Fact]
    public void Random_bytes_decode_as_Encoding_UTF8_decodes_them()
    {
        var bytes = Gen.Frequency(
            (2, Gen.Byte[0, 127].Array[0, 40]),
            (1, Gen.Byte.Array[0, 40]),
            (1, Gen.String.Select(Encoding.UTF8.GetBytes)));
        bytes.Sample(
            text => Assert.Equal(Encoding.UTF8.GetString(text), Utf8Values.GetString(text)),
            iter: 100_000,
            print: Convert.ToHexString);
    }
}
