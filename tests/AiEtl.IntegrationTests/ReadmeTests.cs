using System.Text.RegularExpressions;

namespace AiEtl.IntegrationTests;

/// <summary>
/// The README's code is the QuickStart's real code: each <c>csharp</c> or <c>yaml</c> block that follows a paragraph naming a file of
/// <c>samples/QuickStart</c> must equal that file, so the code a reader copies is the code the tests build and run.
/// </summary>
public sealed partial class ReadmeTests
{
    [Theory]
    [InlineData("samples/QuickStart/Customer.cs")]
    [InlineData("samples/QuickStart/Program.cs")]
    [InlineData("samples/QuickStart/quickstart.etl.yaml")]
    public void The_readme_shows_the_quickstart_file_as_it_is(string file)
    {
        var blocks = CodeBlocksByFile(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")));
        var expected = Normalize(File.ReadAllText(Path.Combine(RepositoryPaths.Root, file)));

        Assert.True(blocks.TryGetValue(file, out var shown), $"README.md has no ```csharp or ```yaml block after a paragraph naming `{file}`");
        Assert.True(expected == shown, $"README.md's block for {file} differs from the file; copy the file into the README. First difference (verified = the file, received = the README){Snapshot.FirstDifference(expected, shown)}");
    }

    // Maps each file named in backticks in the paragraph just before a ```csharp or ```yaml block to the block's text.
    private static Dictionary<string, string> CodeBlocksByFile(string readme)
    {
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match block in CodeBlock().Matches(Normalize(readme)))
        {
            foreach (Match file in FileName().Matches(block.Groups["intro"].Value))
            {
                blocks[file.Groups["file"].Value] = block.Groups["code"].Value;
            }
        }

        return blocks;
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").Trim('\n');

    [GeneratedRegex(@"(?<intro>(?:^[^\n]+\n)+)\n*```(?:csharp|yaml)\n(?<code>.*?)\n```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`(?<file>samples/QuickStart/[A-Za-z.]+\.(?:cs|yaml))`")]
    private static partial Regex FileName();
}
