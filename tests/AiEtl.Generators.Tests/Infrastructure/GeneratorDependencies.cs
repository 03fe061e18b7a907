using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace AiEtl.Generators.Tests.Infrastructure;

/// <summary>
/// Loads the generator's bundled dependencies from the test's folder. The generator's project reference passes
/// AiEtl.Configuration.dll and the code fixes to the compiler as analyzer dependencies (not runtime ones), and the
/// build then leaves them out of this project's deps.json, although the files are copied here; the generator and the
/// fixes run in-process in these tests.
/// </summary>
internal static class GeneratorDependencies
{
    [ModuleInitializer]
    internal static void Register()
    {
        AssemblyLoadContext.Default.Resolving += static (context, name) =>
        {
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return name.Name is "AiEtl.Configuration" or "AiEtl.Generators.CodeFixes" && File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
    }
}
