namespace AiEtl;

/// <summary>
/// Checks, before a run writes anything, that a path it will create can exist: a file path that is a directory, or
/// a path under something that is a file, fails at once with an error naming the path and its role, instead of a
/// bare I/O exception later (and, for a connection, retried as if the disk might change its mind).
/// </summary>
internal static class UsablePaths
{
    /// <summary>Checks that <paramref name="path"/> is, or can become, a file.</summary>
    /// <exception cref="PipelineConfigurationException">It is a directory, or under a file.</exception>
    public static void File(string path, string role)
    {
        var full = Path.GetFullPath(path);
        if (System.IO.Directory.Exists(full))
        {
            throw new PipelineConfigurationException($"the {role} {full} is a directory; give the path of a file", new DataLocation(path));
        }

        Parents(full, path, role);
    }

    /// <summary>Checks that <paramref name="path"/> is, or can become, a directory.</summary>
    /// <exception cref="PipelineConfigurationException">It is a file, or under a file.</exception>
    public static void Directory(string path, string role)
    {
        var full = Path.GetFullPath(path);
        if (System.IO.File.Exists(full))
        {
            throw new PipelineConfigurationException($"the {role} {full} is a file; give the path of a directory", new DataLocation(path));
        }

        Parents(full, path, role);
    }

    // The nearest existing ancestor must be a directory, or nothing can be created below it.
    private static void Parents(string full, string path, string role)
    {
        for (var parent = Path.GetDirectoryName(full); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (System.IO.Directory.Exists(parent))
            {
                return;
            }

            if (System.IO.File.Exists(parent))
            {
                throw new PipelineConfigurationException($"the {role} {full} cannot be created: {parent} is a file, not a directory", new DataLocation(path));
            }
        }
    }
}
