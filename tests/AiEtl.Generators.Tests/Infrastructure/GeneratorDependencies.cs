using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace AiEtl.Generators.Tests.Infrastructure;

/// <summary>
/// Loads the generator's bundled dependencies from the test's folder. The generator's project reference passes
/// AiEtl.Configuration.dll to the compiler as an analyzer dependency (not a runtime one), and the build then leaves it
/// out of this project's deps.json, although the file is copied here; the generator runs in-process in these tests.
/// </summary>
internal static class GeneratorDependencies
{
    [ModuleInitializer]
    internal static void Register()
    {
        AssemblyLoadContext.Default.Resolving += static (context, name) =>
        {
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return name.Name == "AiEtl.Configuration" && File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
    }
}
