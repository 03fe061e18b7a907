using System.Reflection;

namespace AiEtl.Generators.Tests.Infrastructure;

/// <summary>The repository's root, from the project folder the build records in the assembly (<c>ProjectDirectory</c>).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "ProjectDirectory").Value!,
        "..",
        ".."));
}
