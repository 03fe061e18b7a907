namespace AiEtl.Packaging.Tests;

/// <summary>Where a piece of a file starts, as the compiler prints it: <c>file(line,column)</c>, both 1-based.</summary>
public static class SourcePosition
{
    public static string Of(string source, string text)
    {
        var offset = source.IndexOf(text, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"'{text}' is not in the file");
        var before = source[..offset];
        return $"({before.Count(c => c == '\n') + 1},{offset - before.LastIndexOf('\n')})";
    }
}
