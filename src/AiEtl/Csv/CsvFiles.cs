using Microsoft.Extensions.FileSystemGlobbing;

namespace AiEtl.Csv;

/// <summary>Expands a glob path into its files, in ordinal order of their full paths.</summary>
internal static class CsvFiles
{
    public static bool IsGlob(string path) => path.AsSpan().IndexOfAny('*', '?') >= 0;

    public static List<string> Resolve(string pattern)
    {
        var full = Path.GetFullPath(pattern);
        var wildcard = full.AsSpan().IndexOfAny('*', '?');
        if (wildcard < 0)
        {
            return File.Exists(full) ? [full] : [];
        }

        // The root is the directory before the first wildcard; the rest is matched below it.
        var root = full[..(full.LastIndexOf(Path.DirectorySeparatorChar, wildcard) + 1)];
        if (!Directory.Exists(root))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(full[root.Length..]);
        var files = matcher.GetResultsInFullPath(root).Select(Path.GetFullPath).ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
