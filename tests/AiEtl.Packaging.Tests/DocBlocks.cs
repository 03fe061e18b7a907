using System.Text.RegularExpressions;

namespace AiEtl.Packaging.Tests;

/// <summary>The code blocks of a markdown page, so the tests build what the docs show.</summary>
internal static partial class DocBlocks
{
    /// <summary>The <paramref name="index"/>-th <c>csharp</c> block of <paramref name="markdown"/>.</summary>
    public static string CSharp(string markdown, int index) => Block(CSharpBlocks(), markdown, index, "C#");

    /// <summary>The <paramref name="index"/>-th <c>yaml</c> block of <paramref name="markdown"/>.</summary>
    public static string Yaml(string markdown, int index) => Block(YamlBlocks(), markdown, index, "YAML");

    private static string Block(Regex blocks, string markdown, int index, string language)
    {
        var found = blocks.Matches(markdown);
        Assert.True(found.Count > index, $"fewer than {index + 1} {language} blocks");
        return found[index].Groups[1].Value;
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlocks();

    [GeneratedRegex(@"```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlocks();
}
