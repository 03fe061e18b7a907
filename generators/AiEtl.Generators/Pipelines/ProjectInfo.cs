namespace AiEtl.Generators;

/// <summary>What the build tells the generator about the project (<c>build_property.*</c>): its root namespace and folder.</summary>
/// <param name="RootNamespace">The root namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="ProjectDirectory">The project's folder, or <see langword="null"/> when the build does not say.</param>
internal sealed record ProjectInfo(string? RootNamespace, string? ProjectDirectory)
{
    /// <summary><paramref name="path"/> relative to the project, with '/' separators; the path itself when it is elsewhere.</summary>
    public string RelativePath(string path)
    {
        var normalized = path.Replace('\\', '/');
        if (ProjectDirectory is { Length: > 0 } directory)
        {
            var root = directory.Replace('\\', '/').TrimEnd('/') + "/";
            if (normalized.StartsWith(root, System.StringComparison.OrdinalIgnoreCase))
            {
                return normalized.Substring(root.Length);
            }
        }

        return normalized;
    }
}
