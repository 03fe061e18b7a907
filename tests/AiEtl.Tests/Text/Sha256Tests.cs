using System.Text;

namespace AiEtl.Tests.Text;

/// <summary>The managed SHA-256 of pipeline file names agrees with the platform's on every length around its blocks.</summary>
public sealed class Sha256Tests
{
    [Fact]
    public void Agrees_with_the_platforms_sha256_on_random_data_of_every_length_up_to_five_blocks()
    {
        var random = new Random(20261207);
        for (var length = 0; length <= 320; length++)
        {
            for (var sample = 0; sample < 4; sample++)
            {
                var data = new byte[length];
                random.NextBytes(data);
                Assert.Equal(System.Security.Cryptography.SHA256.HashData(data), Sha256.HashData(data));
            }
        }
    }

    [Fact]
    public void Matches_the_published_test_vectors()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hex("abc"));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hex(""));
        Assert.Equal("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
    }

    [Theory]
    [InlineData("customers", "customers-21eb2153")]
    [InlineData("pipeline with spaces/and:colons", "pipeline_with_spaces_and_colons-abce8378")]
    public void Pipeline_file_names_stay_those_earlier_versions_wrote(string id, string expected)
    {
        Assert.Equal(expected, PipelineFileNames.ForId(id));
    }

    private static string Hex(string text) => Convert.ToHexStringLower(Sha256.HashData(Encoding.UTF8.GetBytes(text)));
}
